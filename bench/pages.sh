#!/usr/bin/env bash
# The staff pages under load, beside the API on the same release server:
#   - the case page (GET /cases/{id}) against GET /api/v1/cases/{id} for the same case;
#   - the work tray (GET /worktray, 50 a page) of a caseworker with 5,000 open deadlines, against
#     GET /api/v1/worktray for the same caseworker.
# Prints req/s and p99 for each and the page/API ratios. Targets (issue 8): the case page at least
# 0.8 × the API's req/s with p99 under 50 ms at 16 connections; the work tray p99 under 50 ms.
# Usage: bench/pages.sh [duration-seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-16}

source bench/demo-server.sh

# The busy caseworker: 2,500 reports from professionals, each with an urgent-assessment and a
# receipt deadline, on top of the demo cases.
python3 bench/pages_seed.py "$base" sydby.caseworker2 2500 >&2
read -r token cookie case_id < <(python3 bench/pages_seed.py "$base" sydby.caseworker 0)

source bench/wrk-load.sh
# Every read writes its audit entry, so each load leaves write-ahead log behind, which SQLite copies
# into the file while the next load runs: start each load from an emptied log, so that no route
# pays for the one measured before it.
fresh() { sqlite3 "$workdir/omsorg.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null; }

read -r busy_token busy_cookie _ < <(python3 bench/pages_seed.py "$base" sydby.caseworker2 0)
fresh; read -r api_rps api_p99 < <(load "$base/api/v1/cases/$case_id" "Authorization: Bearer $token")
fresh; read -r page_rps page_p99 < <(load "$base/cases/$case_id" "Cookie: $cookie")
fresh; read -r apitray_rps apitray_p99 < <(load "$base/api/v1/worktray" "Authorization: Bearer $busy_token")
fresh; read -r tray_rps tray_p99 < <(load "$base/worktray" "Cookie: $busy_cookie")
# The same tray as its one user meets it, without 15 others loading theirs at the same moment.
fresh; read -r solo_rps solo_p99 < <(connections=1 load "$base/worktray" "Cookie: $busy_cookie")

printf '\n%-44s %10s %10s\n' "route ($connections connections, ${duration}s)" "req/s" "p99 ms"
printf '%-44s %10s %10s\n' "GET /api/v1/cases/{id}" "$api_rps" "$api_p99"
printf '%-44s %10s %10s\n' "GET /cases/{id} (page)" "$page_rps" "$page_p99"
python3 -c "print(f'{\"case page / API\":<44} {$page_rps/$api_rps:>10.2f} {$page_p99/$api_p99:>10.2f}')"
printf '%-44s %10s %10s\n' "GET /api/v1/worktray (5,000 open, 50 a page)" "$apitray_rps" "$apitray_p99"
printf '%-44s %10s %10s\n' "GET /worktray (page, 5,000 open, 50 a page)" "$tray_rps" "$tray_p99"
printf '%-44s %10s %10s\n' "GET /worktray (page, as above, 1 connection)" "$solo_rps" "$solo_p99"
