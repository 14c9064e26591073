# Sourced by bench/pages.sh and bench/audit.sh: installs wrk and sqlite3 if missing, builds the
# release binary and starts `serve --demo` on a free port in a scratch folder, waiting until it
# answers. Sets $omsorg, $base and $workdir (the server's database is $workdir/omsorg.sqlite); the
# server and the folder go when the benchmark exits.
for tool in wrk sqlite3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool"; } >&2
done
swift build -c release --product omsorg >&2
omsorg="$PWD/.build/release/omsorg"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

workdir=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$workdir"' EXIT
(cd "$workdir" && exec "$omsorg" serve --demo --port "$port" --log warning </dev/null >"$workdir/serve.log" 2>&1) &
server=$!
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
