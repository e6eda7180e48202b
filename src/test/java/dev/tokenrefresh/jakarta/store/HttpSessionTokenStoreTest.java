package dev.tokenrefresh.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenrefresh.core.token.SessionKey;
import dev.tokenrefresh.core.token.TokenSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HttpSessionTokenStoreTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final HttpSessionTokenStore store = new HttpSessionTokenStore();
  private final HttpSession session = FakeHttp.session("JSESSION-42");
  private final HttpServletRequest request = FakeHttp.request(session);

  @Test
  void load_withoutSession_isEmptyAndCreatesNone() {
    HttpServletRequest anonymous = FakeHttp.request(null);
    assertThat(store.load(anonymous)).isEmpty();
    assertThat(store.sessionKey(anonymous)).isEmpty();
    assertThatThrownBy(() -> store.save(anonymous, tokens(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no HTTP session");
  }

  @Test
  void saveThenLoad_returnsTheTokens_andTheKeyIsTheHashedSessionId() {
    TokenSet t = tokens(0);
    store.save(request, t);
    assertThat(store.load(request)).contains(t);
    assertThat(store.sessionKey(request)).contains(SessionKey.of("JSESSION-42"));
  }

  @Test
  void replace_keepsNewerTokensThatAnotherRequestSavedFirst() {
    TokenSet old = tokens(0);
    TokenSet newer = tokens(60);
    TokenSet stale = tokens(30);
    store.save(request, old);
    assertThat(store.replace(request, old, newer)).contains(newer);
    assertThat(store.replace(request, old, stale)).contains(newer);
    assertThat(store.load(request)).contains(newer);
  }

  @Test
  void replace_afterTheBrowserLoggedInAsSomeoneElse_keepsTheNewLoginsTokens() {
    TokenSet userA = tokens(0);
    TokenSet userB = tokens(30);
    TokenSet userARefreshed = tokens(60);
    store.save(request, userA);
    store.save(request, userB);

    assertThat(store.replace(request, userA, userARefreshed)).contains(userB);
    assertThat(store.load(request)).contains(userB);
  }

  @Test
  void replace_afterLogoutClearedTheTokens_storesNothingAndSaysSo() {
    TokenSet old = tokens(0);
    store.save(request, old);
    store.clear(request);

    assertThat(store.replace(request, old, tokens(60))).isEmpty();
    assertThat(store.load(request)).isEmpty();
  }

  @Test
  void everyMethod_onASessionInvalidatedUnderneath_actsAsIfItHeldNoTokens() {
    AtomicBoolean invalidated = new AtomicBoolean();
    HttpServletRequest onDying = FakeHttp.request(FakeHttp.session("JSESSION-7", invalidated));
    store.save(onDying, tokens(0));
    invalidated.set(true);

    assertThat(store.load(onDying)).isEmpty();
    assertThat(store.replace(onDying, tokens(0), tokens(60))).isEmpty();
    store.clear(onDying, tokens(0));
    store.clear(onDying);
  }

  @Test
  void clear_removesTheTokens() {
    store.save(request, tokens(0));
    store.clear(request);
    assertThat(store.load(request)).isEmpty();
  }

  @Test
  void clearOfDeadTokens_whileTheSessionHoldsThem_removesThem() {
    TokenSet dead = tokens(0);
    store.save(request, dead);

    store.clear(request, dead);

    assertThat(store.load(request)).isEmpty();
  }

  @Test
  void clearOfDeadTokens_afterANewLogin_keepsTheNewLoginsTokens() {
    TokenSet dead = tokens(0);
    TokenSet newLogin = tokens(60);
    store.save(request, dead);
    store.save(request, newLogin);

    store.clear(request, dead);

    assertThat(store.load(request)).contains(newLogin);
  }

  @Test
  void saveAfterAClearOfDeadTokens_storesTheNewLogin() {
    TokenSet dead = tokens(0);
    store.save(request, dead);
    store.clear(request, dead);

    store.save(request, tokens(60));

    assertThat(store.load(request)).contains(tokens(60));
  }

  @Test
  void sessionAttribute_isSerializableAndPrintsNoToken() throws Exception {
    store.save(request, tokens(0));
    Object holder = session.getAttribute(HttpSessionTokenStore.ATTRIBUTE);
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(holder);
    }
    assertThat(holder.toString()).doesNotContain("secret-access").doesNotContain("secret-refresh");
  }

  private static TokenSet tokens(int issuedSecondsAfterT0) {
    Instant issued = T0.plusSeconds(issuedSecondsAfterT0);
    return new TokenSet(
        "secret-access-" + issuedSecondsAfterT0,
        "secret-refresh-" + issuedSecondsAfterT0,
        null,
        issued.plusSeconds(300),
        issued);
  }
}
