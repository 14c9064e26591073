#!/usr/bin/env bash
# Early detection: ingest speed against the sqlite3 shell's .import of the same CSV, and indicator
# computation against DuckDB on the same extracts, for the 70 000-inhabitant municipality and a
# national-size population (1.2 million children). The indicator tables are compared for equality.
# Usage: bench/detection.sh [national-inhabitants]
set -euo pipefail
cd "$(dirname "$0")/.."
national=${1:-5300000}   # about 1.2 million children

command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3; } >&2
python=$(scripts/python-env.sh | tail -n 1)
swift build -c release --product omsorg >&2
omsorg="$PWD/.build/release/omsorg"
secret=bench-secret
export OMSORG_PSEUDONYM_SECRET=$secret

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$(now) - $1:.2f}')"; }

rows=()
# Ingest: the largest extract of the 70 000 municipality, into a fresh SQLite file each way.
"$omsorg" generate --inhabitants 70000 --years 5 --seed 42 --out "$work/m70" --log warning >/dev/null
file="$work/m70/daycare.csv"
lines=$(($(wc -l <"$file") - 1))
(cd "$work" && "$omsorg" municipality --code 9901 --name Bench --log warning >/dev/null)
start=$(now)
(cd "$work" && "$omsorg" ingest --source daycare --municipality 9901 "$file" --log warning >/dev/null)
ours=$(elapsed "$start")
start=$(now)
sqlite3 "$work/import.sqlite" "CREATE TABLE daycare(person_number TEXT, month TEXT, absence_days INTEGER);" ".import --csv --skip 1 $file daycare"
theirs=$(elapsed "$start")
rows+=("ingest daycare.csv ($lines rows)|$ours|$theirs|sqlite3 .import|$(python3 -c "print(f'{$lines/$ours:,.0f} vs {$lines/$theirs:,.0f} rows/s')")")

indicators() { # name folder: the best of three runs each way, so a cold cache or a busy moment does not decide
  local folder=$2 table="$work/$1.csv" best_ours="" best_theirs="" result=""
  for _ in 1 2 3; do
    start=$(now)
    (cd "$work" && "$omsorg" indicators --municipality 9901 --as-of 2024-01-01 --from-extracts "$folder" --out "$table" --log warning >/dev/null)
    best_ours=$(python3 -c "print(min(float(x) for x in '$(elapsed "$start") ${best_ours:-inf}'.split()))")
    result=$("$python" bench/indicators_duckdb.py "$folder" 2024-01-01 "$table" "$secret" 9901)
    best_theirs=$(python3 -c "import json; print(min(json.loads('$result')['seconds'], float('${best_theirs:-inf}')))")
  done
  equal=$(python3 -c "import json; r = json.loads('$result'); print(f\"{r['children']:,} children, equal: {r['equal']}\")")
  rows+=("indicators $1|$best_ours|$best_theirs|DuckDB|$equal")
}
indicators "70k municipality" "$work/m70"
rm -rf "$work/m70"
"$omsorg" generate --inhabitants "$national" --years 5 --seed 42 --out "$work/national" --log warning >/dev/null
indicators "national" "$work/national"

printf '\n%-36s %10s %10s %8s  %-16s %s\n' "task" "omsorg s" "ref s" "ratio" "reference" "notes"
for row in "${rows[@]}"; do
  IFS='|' read -r task ours theirs reference notes <<<"$row"
  printf '%-36s %10s %10s %8s  %-16s %s\n' "$task" "$ours" "$theirs" "$(python3 -c "print(f'{$ours/$theirs:.2f}')")" "$reference" "$notes"
done
echo "(ratio = omsorg time / reference time; targets: ingest ≤ 2.00, i.e. at least half .import's speed; indicators ≤ 1.50)"
