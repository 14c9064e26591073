#!/usr/bin/env bash
# The browser tests (Tests/Browser): headless Chromium, driven by Selenium and checked with axe-core,
# against `omsorg serve --demo` in a fresh folder on a free port. Screenshots of every page, axe
# results and the friction counts go to .build/screenshots/. Usage: scripts/browser-test.sh [BINARY]
# (default .build/debug/omsorg). Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
omsorg=$(realpath "${1:-.build/debug/omsorg}")
[ -x "$omsorg" ] || { echo "browser-test: no omsorg binary at $omsorg; build it first" >&2; exit 1; }
python=$(scripts/browser-env.sh | tail -n 1)

workdir=$(mktemp -d)
server=""
stop() {
  # Only the server this script started, by its pid.
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap stop EXIT

# Port 0 lets the kernel pick a free port; the small window before the server binds it is harmless
# on a test machine.
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base_url="http://127.0.0.1:$port"
(cd "$workdir" && exec "$omsorg" serve --demo --port "$port" </dev/null >"$workdir/serve.log" 2>&1) &
server=$!
for _ in $(seq 1 120); do
  curl -sf "$base_url/health" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$workdir/serve.log" >&2; echo "browser-test: the server exited" >&2; exit 1; }
  sleep 0.5
done
curl -sf "$base_url/health" >/dev/null || { tail -n 30 "$workdir/serve.log" >&2; echo "browser-test: no /health after 60 s" >&2; exit 1; }

# No bytecode or pytest cache next to the tests: the work tree stays clean.
status=0
PYTHONDONTWRITEBYTECODE=1 OMSORG_BASE_URL="$base_url" OMSORG_SCREENSHOTS="$PWD/.build/screenshots" \
  "$python" -m pytest Tests/Browser -q -p no:cacheprovider -rfE --tb=short --durations=5 </dev/null || status=$?
if [ "$status" -ne 0 ]; then
  echo "browser-test: FAILED (pytest exit $status); the server's last lines:" >&2
  { grep -v "\[Migrator\]" "$workdir/serve.log" || true; } | tail -n 20 >&2
fi
exit "$status"
