#!/usr/bin/env bash
# Audited reads and concurrent reports on the same release server, SQLite, demo data (issue 9,
# item 11):
#   - GET /api/v1/cases/{id}, each read writing its audit entry, at 64 connections, beside GET
#     /health as the baseline, with the audit entries stored per second during the read load;
#   - POST /api/v1/reports-of-concern from 16 concurrent clients, each report about a new child.
# Any refused or failed request fails the benchmark. Targets: reads with zero errors, p99 under
# 50 ms and at least 0.1 × /health; reports with none refused.
# Usage: bench/audit.sh [duration-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}

source bench/demo-server.sh

read -r token _ case_id < <(python3 bench/pages_seed.py "$base" sydby.caseworker 0)
entries() { sqlite3 "$workdir/omsorg.sqlite" "SELECT COUNT(*) FROM audit_entries"; }

source bench/wrk-load.sh
before=$(entries)
read -r read_rps read_p99 < <(connections=64 load "$base/api/v1/cases/$case_id" "Authorization: Bearer $token")
written=$(( $(entries) - before ))
read -r health_rps health_p99 < <(connections=64 load "$base/health")
received_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
read -r report_rps report_p99 < <(connections=16 script=bench/reports.lua load "$base/api/v1/reports-of-concern" "" "$token" "$received_at")
(cd "$workdir" && "$omsorg" audit verify </dev/null) >&2

printf '\n%-52s %10s %10s\n' "route (${duration}s each)" "req/s" "p99 ms"
printf '%-52s %10s %10s\n' "GET /api/v1/cases/{id}, audited (64 connections)" "$read_rps" "$read_p99"
printf '%-52s %10s %10s\n' "GET /health (64 connections)" "$health_rps" "$health_p99"
python3 -c "print(f'{\"audited read / health\":<52} {$read_rps/$health_rps:>10.3f}')"
python3 -c "print(f'{\"audit entries stored per second, during the reads\":<52} {$written/$duration:>10.0f}')"
printf '%-52s %10s %10s\n' "POST /api/v1/reports-of-concern (16 clients)" "$report_rps" "$report_p99"
echo "(none refused: wrk counted no answer other than 2xx)"
