// The example's page: who you are (GET api/me), when the token expires, and a burst of parallel
// requests that shows how many refreshes they caused. Everything is rendered with textContent.
'use strict';

const $ = (id) => document.getElementById(id);
let expiresAt = null;
// The session's refresh count as last shown: a burst's refreshes are counted from here, not from a
// fresh request (which, after expiry, would itself trigger the refresh the burst should show).
let shownRefreshes = 0;
// The module's application-wide totals as last shown, for the same reason.
let shownModule = null;

async function me() {
  const response = await fetch('api/me', { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({ error: 'not_json' }));
  return { status: response.status, body };
}

function show(user) {
  $('anonymous').hidden = true;
  $('user').hidden = false;
  $('name').textContent = user.name || '';
  $('sub').textContent = user.sub;
  $('expiresAt').textContent = new Date(user.exp * 1000).toLocaleTimeString();
  $('refreshes').textContent = String(user.refreshes);
  if (user.csrf) $('csrf').value = user.csrf;
  shownRefreshes = user.refreshes;
  shownModule = user.module || shownModule;
  expiresAt = user.exp * 1000;
  tick();
}

function tick() {
  if (expiresAt === null) return;
  const seconds = Math.round((expiresAt - Date.now()) / 1000);
  $('countdown').textContent = seconds > 0 ? `in ${seconds} s` : `expired ${-seconds} s ago`;
}

function error(text) {
  $('error').hidden = !text;
  $('error').textContent = text || '';
}

async function load() {
  const { status, body } = await me();
  if (status === 401) {
    $('user').hidden = true;
    $('anonymous').hidden = false;
    return;
  }
  if (status !== 200) {
    error(`GET api/me answered ${status}: ${body.error}`);
    return;
  }
  error('');
  show(body);
}

async function burst(event) {
  event.preventDefault();
  const count = Math.max(1, Math.min(500, Number($('count').value) || 100));
  const before = shownRefreshes;
  const moduleBefore = shownModule;
  $('result').textContent = `firing ${count} requests…`;
  const answers = await Promise.all(Array.from({ length: count }, () => me()));
  const statuses = {};
  let refreshes = before;
  for (const { status, body } of answers) {
    statuses[status] = (statuses[status] || 0) + 1;
    if (status === 200) refreshes = Math.max(refreshes, body.refreshes);
  }
  const tally = Object.entries(statuses).map(([s, n]) => `${n}× HTTP ${s}`).join(', ');
  const k = refreshes - before;
  $('result').textContent =
    `${count} requests → ${k} refresh${k === 1 ? '' : 'es'} (${tally})`;
  const ok = answers.filter((a) => a.status === 200);
  showModule(moduleBefore, ok.map((a) => a.body.module).filter(Boolean));
  if (ok.length === 0) {
    await load();
    return;
  }
  show(ok.reduce((a, b) => (b.body.exp > a.body.exp ? b : a)).body);
}

// What the module itself counted during the burst (application-wide totals, so other sessions'
// requests would show too). A browser sends at most six HTTP/1.1 requests at once per host, so
// most late arrivals find the refresh already done: grace replays, not coalesced requests.
function showModule(before, afterEach) {
  if (!before || afterEach.length === 0) {
    $('module').textContent = '';
    return;
  }
  const delta = (field) => Math.max(...afterEach.map((m) => m[field])) - before[field];
  const calls = delta('idpCalls');
  $('module').textContent =
    `module: ${delta('requests')} needed a refresh, ${delta('coalesced')} coalesced, ` +
    `${delta('graceReplays')} grace replays, ${calls} IdP call${calls === 1 ? '' : 's'}`;
}

$('burst').addEventListener('submit', burst);
setInterval(tick, 1000);
load().then(tick);
