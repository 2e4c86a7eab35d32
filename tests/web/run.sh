#!/usr/bin/env bash
# Browser tests of the web front end: Debian's Chromium driven by playwright-core (never a
# browser download) against a judged started here on a free port, with the bundle from
# web/build.sh. Screenshots of the main pages land in tests/artifacts/web/*.png.
# Needs root (the judge's sandbox). Candidate and team tests skip, saying so, on a judged
# without the assessment API.
#
#   tests/web/run.sh [JUDGED] [tests/web/NAME.test.mjs...]   (default: build/cli/judged, every test file)
set -euo pipefail
[ "$(id -u)" = 0 ] || exec sudo -E "$0" "$@"
JUDGED=
if [ $# -gt 0 ] && [ -f "$1" ] && [ -x "$1" ]; then JUDGED=$(realpath "$1"); shift; fi
cd "$(dirname "$0")/../.."
start=$SECONDS

if [ ! -x /usr/bin/chromium ]; then
  echo "web tests: installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

web/build.sh
if [ -z "$JUDGED" ]; then
  [ -d build ] || meson setup build --buildtype=debugoptimized >/dev/null
  meson compile -C build >/dev/null
  JUDGED=build/cli/judged
fi

ART=tests/artifacts/web
mkdir -p "$ART"
rm -f "$ART"/*.png "$ART"/judged.log
TMP=$(mktemp -d /tmp/judged-web.XXXXXX)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  [ -f "$TMP/judged.log" ] && cp "$TMP/judged.log" "$ART/judged.log"
  rm -rf "$TMP"
}
trap cleanup EXIT

JUDGE_ADMIN_TOKEN=secret "$JUDGED" --listen 127.0.0.1:0 --data "$TMP/data" \
  --port-file "$TMP/port" --web web/dist </dev/null >"$TMP/judged.log" 2>&1 &
pid=$!
for _ in $(seq 300); do
  [ -s "$TMP/port" ] && curl -fsS "http://127.0.0.1:$(cat "$TMP/port")/healthz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "web tests: judged did not start:"; cat "$TMP/judged.log"; exit 1; }
  sleep 0.1
done
URL="http://127.0.0.1:$(cat "$TMP/port")"

# The packages the tests use: two catalogue problems, the hostile statement and one with math.
import_pkg() {
  local slug=$1 dir=$2
  (cd "$dir" && rm -f "$TMP/$slug.zip" && zip -qr "$TMP/$slug.zip" .)
  local code
  code=$(curl -sS -o "$TMP/$slug.json" -w '%{http_code}' -X PUT -H 'Authorization: Bearer secret' \
    -H 'Content-Type: application/zip' --data-binary "@$TMP/$slug.zip" "$URL/api/v1/problems/$slug")
  if [ "$code" != 201 ] && [ "$code" != 200 ]; then
    echo "web tests: importing $slug answered $code:"; cat "$TMP/$slug.json"; echo; exit 1
  fi
}
imports=()
import_pkg missing-number problems/missing-number & imports+=($!)
import_pkg trapping-rain-water problems/trapping-rain-water & imports+=($!)
import_pkg xss-statement tests/web/packages/xss-statement & imports+=($!)
import_pkg math-statement tests/web/packages/math-statement & imports+=($!)
for p in "${imports[@]}"; do wait "$p"; done
echo "web tests: judged at $URL, packages imported ($((SECONDS - start)) s)"

status=0
# Arguments name test files to run (tests/web/drafts.test.mjs ...); none: all of them. The time
# limit is per file, generous for a loaded machine (a CI runner shared with other jobs).
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(tests/web/*.test.mjs)
JUDGED_URL=$URL JUDGED_ADMIN=secret node --test --test-concurrency=1 --test-timeout=900000 \
  --test-reporter=spec "${files[@]}" || status=$?
echo "web tests: $((SECONDS - start)) s in all; screenshots in $ART/"
# || true: with set -e and pipefail, a run whose files take no screenshot would end here, status 2.
ls "$ART"/*.png 2>/dev/null | sed 's/^/  /' || true
exit $status
