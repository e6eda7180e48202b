#!/usr/bin/env bash
# token-refresh-filter demo: builds the library and the example web application, starts a local
# OpenID Connect provider (mock-oauth2-server) and Payara Micro with the example and payara-config/,
# all on 127.0.0.1.
#
#   ./demo.sh                 run until Ctrl-C; open the printed URL and log in
#   ./demo.sh burst           log in without a browser, let the token expire, fire 100 concurrent
#                             requests, print the report, stop (exit 0 = 100 requests -> 1 refresh)
#   ./demo.sh idp             the demo's provider alone (for your own application): prints its
#                             issuer and the configuration lines to paste, runs until Ctrl-C
#   ./demo.sh burst --app URL fire the burst at a running deployment of the example (any server),
#                             e.g. --app http://127.0.0.1:8080/example/ [--metrics URL]
#
# Options (after the mode): --requests N (burst, default 100), --token-expiry SECONDS (default 15),
# --port P (run, default 8080), --idp-port P (run and idp, default 9400). Needs JDK 17+ and
# Maven 3.8+.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
WORK="$ROOT/webapp-example/target/demo"

echo "== building the library (mvn -B -q install -DskipTests, no javadoc; a first run downloads the"
echo "   dependencies from Maven Central, Payara Micro's 100 MB among them, and stays quiet meanwhile)"
mvn -B -q -Dstyle.color=never install -DskipTests -Dmaven.javadoc.skip=true
echo "== building the example (mvn -B -q -f webapp-example/pom.xml package -DskipTests)"
mvn -B -q -Dstyle.color=never -f webapp-example/pom.xml package -DskipTests

# Should the demo's JVM die without running its shutdown hook, stop the Payara it started.
cleanup() {
  local pid
  if [[ -f "$WORK/payara.pid" ]]; then
    pid="$(cat "$WORK/payara.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
    fi
    rm -f "$WORK/payara.pid"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CLASSPATH="$ROOT/webapp-example/target/test-classes:$(cat "$ROOT/webapp-example/target/demo-classpath.txt")"
# C1 only and a small heap: the driver and the provider need little, the machine may be shared.
java -XX:TieredStopAtLevel=1 -Xmx256m -cp "$CLASSPATH" -Ddemo.root="$ROOT" \
  dev.tokenrefresh.example.demo.Demo "$@"
