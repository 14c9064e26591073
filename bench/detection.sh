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
best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }
# Ingest: the largest extract of the 70 000 municipality, into a fresh SQLite file each way, best of three.
"$omsorg" generate --inhabitants 70000 --years 5 --seed 42 --out "$work/m70" --log warning >/dev/null
file="$work/m70/daycare.csv"
lines=$(($(wc -l <"$file") - 1))
ours=inf theirs=inf
for _ in 1 2 3; do
  rm -f "$work/omsorg.sqlite" "$work/import.sqlite"
  (cd "$work" && "$omsorg" municipality --code 9901 --name Bench --log warning >/dev/null)
  (cd "$work" && "$omsorg" municipality legal-basis --code 9901 --reference "Benchmark" --date 2024-01-01 --approved-by "Bench" --log warning >/dev/null)
  start=$(now)
  (cd "$work" && "$omsorg" ingest --source daycare --municipality 9901 "$file" --log warning >/dev/null)
  ours=$(best "$ours" "$(elapsed "$start")")
  start=$(now)
  sqlite3 "$work/import.sqlite" "CREATE TABLE daycare(person_number TEXT, month TEXT, absence_days INTEGER);" ".import --csv --skip 1 $file daycare"
  theirs=$(best "$theirs" "$(elapsed "$start")")
done
rows+=("ingest daycare.csv ($lines rows)|$ours|$theirs|sqlite3 .import|$(python3 -c "print(f'{$lines/$ours:,.0f} vs {$lines/$theirs:,.0f} rows/s')")")

indicators() { # name folder [--from-extracts folder]: the best of three runs each way, so a cold cache or a busy moment does not decide
  local name=$1 folder=$2 table="$work/$1.csv" best_ours=inf best_theirs=inf result=""
  shift 2
  for _ in 1 2 3; do
    start=$(now)
    (cd "$work" && "$omsorg" indicators --municipality 9901 --as-of 2024-01-01 "$@" --out "$table" --log warning >/dev/null)
    best_ours=$(best "$best_ours" "$(elapsed "$start")")
    result=$("$python" bench/indicators_duckdb.py "$folder" 2024-01-01 "$table" "$secret" 9901)
    best_theirs=$(best "$best_theirs" "$(python3 -c "import json; print(json.loads('$result')['seconds'])")")
  done
  equal=$(python3 -c "import json; r = json.loads('$result'); print(f\"{r['children']:,} children, equal: {r['equal']}\")")
  rows+=("indicators $name|$best_ours|$best_theirs|DuckDB|$equal")
}
# The 70 000 municipality from its extracts, and from the store once every extract is loaded.
indicators "70k, from extracts" "$work/m70" --from-extracts "$work/m70"
for source in population custody health-visiting dental job-centre social-services substance-treatment; do
  (cd "$work" && "$omsorg" ingest --source "$source" --municipality 9901 "$work/m70/${source//-/_}.csv" --log warning >/dev/null)
done
indicators "70k, from the store" "$work/m70"
rm -rf "$work/m70"
"$omsorg" generate --inhabitants "$national" --years 5 --seed 42 --out "$work/national" --log warning >/dev/null
indicators "national, from extracts" "$work/national" --from-extracts "$work/national"

printf '\n%-36s %10s %10s %8s  %-16s %s\n' "task" "omsorg s" "ref s" "ratio" "reference" "notes"
for row in "${rows[@]}"; do
  IFS='|' read -r task ours theirs reference notes <<<"$row"
  printf '%-36s %10s %10s %8s  %-16s %s\n' "$task" "$ours" "$theirs" "$(python3 -c "print(f'{$ours/$theirs:.2f}')")" "$reference" "$notes"
done
echo "(ratio = omsorg time / reference time; targets: ingest ≤ 2.00, i.e. at least half .import's speed; indicators ≤ 1.50)"
