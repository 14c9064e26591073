#!/usr/bin/env bash
# Loads GET /api/v1/cases/{id} and, as the baseline, GET /health on the same release server with a
# demo database, and prints req/s and p99 for both and their ratio.
# Usage: bench/api.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-16}
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; } >&2
swift build -c release --product omsorg >&2
omsorg="$PWD/.build/release/omsorg"

workdir=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$workdir"' EXIT
(cd "$workdir" && "$omsorg" demo --log warning </dev/null >/dev/null)
(cd "$workdir" && exec "$omsorg" serve --port "$port" --log warning </dev/null >"$workdir/serve.log" 2>&1) &
server=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

base="http://127.0.0.1:$port"
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"sydby.caseworker","password":"demo-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# A case in follow-up has the most steps to replay: the realistic heavy read.
case_id=$(curl -sf "$base/api/v1/cases?stage=measures" -H "authorization: Bearer $token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
curl -sf "$base/api/v1/cases/$case_id" -H "authorization: Bearer $token" >/dev/null

source bench/wrk-load.sh

read -r case_rps case_p99 < <(load "$base/api/v1/cases/$case_id" "Authorization: Bearer $token")
read -r health_rps health_p99 < <(load "$base/health")

printf '\n%-32s %12s %10s\n' "route ($connections connections, ${duration}s)" "req/s" "p99 ms"
printf '%-32s %12s %10s\n' "GET /api/v1/cases/{id}" "$case_rps" "$case_p99"
printf '%-32s %12s %10s\n' "GET /health" "$health_rps" "$health_p99"
python3 -c "print(f'{\"case / health\":<32} {$case_rps/$health_rps:>12.2f} {$case_p99/$health_p99:>10.2f}')"
