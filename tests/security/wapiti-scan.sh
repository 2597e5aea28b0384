#!/usr/bin/env bash
# Runs the wapiti web scanner against a real TakedownDesk host on 127.0.0.1, signed in as a caseworker.
# Not run in CI: it is slow (minutes) and needs wapiti installed (Debian: apt-get install -y wapiti).
# Usage: tests/security/wapiti-scan.sh [max-scan-seconds]   → artifacts/wapiti/report.json
set -euo pipefail
cd "$(dirname "$0")/../.."
MAX_SCAN="${1:-300}"
PORT="${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:${PORT}"
DATA="$(mktemp -d)"
OUT="artifacts/wapiti"
mkdir -p "$OUT"
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Sqlite
export Database__ConnectionString="Data Source=${DATA}/app.db"
export TakedownDesk__DataDirectory="${DATA}"
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

dotnet build src/TakedownDesk.Web -c Release -v q -nologo >/dev/null
EMAIL="scanner@helpline.example"
PASSWORD="Probe-phrase-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"
echo "$PASSWORD" | dotnet run --no-build -c Release --project src/TakedownDesk.Web -- add-staff "$EMAIL" caseworker --name "Wapiti Scanner" --password-stdin

dotnet src/TakedownDesk.Web/bin/Release/net10.0/TakedownDesk.Web.dll --urls "$BASE" >"$OUT/host.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -fsS "$BASE/health" >/dev/null 2>&1 && break; sleep 1; done

# Sign in honestly: password, then enrol an authenticator from the key the page shows, with a TOTP computed here.
JAR="$DATA/cookies.txt"
token() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }
T=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/Account/SignIn" | token)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
  --data-urlencode "__RequestVerificationToken=$T" "$BASE/Account/SignIn"
ENROL=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/Account/Enrol")
KEY=$(echo "$ENROL" | sed -n 's/.*id="authenticator-key">\([^<]*\)<.*/\1/p')
T=$(echo "$ENROL" | token)
CODE=$(python3 -c '
import base64, hmac, hashlib, struct, sys, time
key = sys.argv[1].replace(" ", "").upper()
key = base64.b32decode(key + "=" * (-len(key) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7fffffff) % 1000000))' "$KEY")
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Code=$CODE" --data-urlencode "__RequestVerificationToken=$T" "$BASE/Account/Enrol"
# A password set on the command line was chosen by someone else: the desk opens only the password page until it is changed.
NEW_PASSWORD="Second-phrase-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')"
T=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/Account/Password" | token)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Input.CurrentPassword=$PASSWORD" --data-urlencode "Input.NewPassword=$NEW_PASSWORD" \
  --data-urlencode "Input.ConfirmPassword=$NEW_PASSWORD" --data-urlencode "__RequestVerificationToken=$T" "$BASE/Account/Password"
COOKIE=$(sed "s/^#HttpOnly_//" "$JAR" | awk '$6 == "td.session" { print $6 "=" $7 }')
[ -n "$COOKIE" ] || { echo "sign-in failed" >&2; exit 1; }
signed_in() { [ "$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/Cases")" = 200 ]; }
signed_in || { echo "session cookie does not work" >&2; exit 1; }

# No -x exclusions: Debian's wapiti 3.0.4 crashes compiling them on Python 3.11. Signing out ends the session server
# side, so if the crawl submits the sign-out form the rest of it runs signed out; the lines after the scan say whether it did.
wapiti -u "$BASE/" --scope folder -H "Cookie: $COOKIE" \
  --max-scan-time "$MAX_SCAN" --flush-session -f json -o "$OUT/report.json" --color -v 1 | tee "$OUT/wapiti.log"
if signed_in; then
  echo "The session was still signed in at the end of the scan."
else
  echo "The scan signed itself out (or the session expired) before it ended: later requests ran signed out."
fi
echo "Report: $OUT/report.json"
