#!/usr/bin/env bash
# Fuzzes the API with schemathesis against its own OpenAPI document: every operation, signed in as
# the role it is for, with real case, child, family-member and user ids supplied by the hooks in
# Tests/Fuzz, so that the steps of the flow are reached. Runs a demo server on SQLite, and with a
# PostgreSQL URL also on a scratch database there. Fails on any 5xx and on any answer that does
# not conform to the document (status, content type, headers, body). Prints one line per database.
# Usage: scripts/api-fuzz.sh [BINARY] [POSTGRES_URL] (default .build/debug/omsorg, SQLite only).
set -euo pipefail
cd "$(dirname "$0")/.."
omsorg=$(realpath "${1:-.build/debug/omsorg}")
postgres_url=${2:-}
[ -x "$omsorg" ] || { echo "api-fuzz: no omsorg binary at $omsorg; build it first" >&2; exit 1; }
python=$(scripts/python-packages.sh Tests/Fuzz/requirements.txt | tail -n 1)
schemathesis=$(dirname "$python")/schemathesis
examples=${OMSORG_FUZZ_EXAMPLES:-25}
fuzz_dir=$PWD/Tests/Fuzz

workdir=$(mktemp -d)
server=""
scratch=""
stop_server() {
  # Only the server this script started, by its pid.
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=""
}
cleanup() {
  stop_server
  if [ -n "$scratch" ]; then psql "$postgres_url" -qc "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# fuzz LABEL [DATABASE]: a demo server on DATABASE (the SQLite file by default), fuzzed; prints the
# outcome and the steps the fuzzer got recorded, counted in the server's audit log.
fuzz() {
  local label=$1 database=${2:-} dir="$workdir/$1" port base_url status=0
  mkdir -p "$dir"
  port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base_url="http://127.0.0.1:$port"
  # The service migrates its SQLite file itself; a PostgreSQL database is migrated by the operator.
  if [ -n "$database" ]; then "$omsorg" migrate --database "$database" </dev/null >"$dir/migrate.log" 2>&1; fi
  (cd "$dir" && exec "$omsorg" serve --demo --port "$port" ${database:+--database "$database"} </dev/null >"$dir/serve.log" 2>&1) &
  server=$!
  for _ in $(seq 1 120); do
    curl -sf "$base_url/health" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$dir/serve.log" >&2; echo "api-fuzz: the server exited" >&2; exit 1; }
    sleep 0.5
  done
  OMSORG_FUZZ=$("$python" "$fuzz_dir/fixtures.py" "$base_url")
  export OMSORG_FUZZ
  # Run in the scratch folder: schemathesis keeps a cache where it runs, and the work tree stays clean.
  # One worker: with two threads, hypothesis parses sources with `ast` in both at once, and CPython
  # 3.11's parser keeps its recursion depth in shared state, so a run now and then stopped on
  # "SystemError: AST constructor recursion depth mismatch" (CPython gh-106905), not on the API.
  (cd "$dir" && PYTHONPATH="$fuzz_dir" PYTHONDONTWRITEBYTECODE=1 SCHEMATHESIS_HOOKS=omsorg_hooks \
    "$schemathesis" --config-file "$fuzz_dir/schemathesis.toml" run "$base_url/api/v1/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
    --max-examples "$examples" --workers 1 --seed 2024 --no-color </dev/null >"$dir/fuzz.log" 2>&1) || status=$?
  local steps
  if [ -n "$database" ]; then
    steps=$(psql "$database" -tAc "SELECT COUNT(*) FROM audit_entries WHERE action LIKE 'record-%' AND purpose = 'casework'")
  else
    steps=$(sqlite3 "$dir/omsorg.sqlite" "SELECT COUNT(*) FROM audit_entries WHERE action LIKE 'record-%' AND purpose = 'casework'")
  fi
  stop_server
  local operations cases server_errors
  operations=$(grep -oE "Operations: +[0-9]+ selected" "$dir/fuzz.log" | grep -oE "[0-9]+" | head -n 1 || echo "?")
  cases=$(grep -oE "[0-9]+ generated" "$dir/fuzz.log" | grep -oE "[0-9]+" | tail -n 1 || echo "?")
  server_errors=$(grep -cE "^\[5[0-9][0-9]\]" "$dir/fuzz.log" || true)
  printf "%-10s  %10s  %10s  %10s  %14s  %s\n" "$label" "$operations" "$cases" "$server_errors" "$steps" \
    "$([ "$status" -eq 0 ] && echo "conforming" || echo "FAILED")"
  if [ "$status" -ne 0 ]; then
    # What schemathesis found: its failures, or the errors that stopped it (a slow health check, say).
    sed -n '/FAILURES\|ERRORS/,$p' "$dir/fuzz.log" | head -n 150 >&2
    tail -n 40 "$dir/fuzz.log" >&2
    echo "api-fuzz: schemathesis found failures on $label (exit $status); the server's last lines:" >&2
    { grep -v "\[Migrator\]" "$dir/serve.log" || true; } | tail -n 20 >&2
    return 1
  fi
}

printf "%-10s  %10s  %10s  %10s  %14s  %s\n" "database" "operations" "test cases" "5xx" "steps recorded" "answers"
result=0
fuzz sqlite || result=1
if [ -n "$postgres_url" ]; then
  scratch="omsorg_fuzz_$$"
  psql "$postgres_url" -qc "CREATE DATABASE $scratch" >/dev/null
  fuzz postgresql "${postgres_url%/*}/$scratch" || result=1
fi
exit "$result"
