#!/usr/bin/env bash
# Runs the built `omsorg` binary the way an operator would: migrate and demo on PostgreSQL, then
# `serve --demo` on the embedded SQLite default, signed in over HTTP. Usage: scripts/smoke.sh POSTGRES_URL
set -euo pipefail
cd "$(dirname "$0")/.."
omsorg="$PWD/.build/debug/omsorg"
base_url=${1:?usage: scripts/smoke.sh POSTGRES_URL}
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
# The checks read a command's whole output (grep -c, not grep -q): grep -q stops at the first
# match, and the command, still writing, then fails on the closed pipe, which pipefail reports.

# PostgreSQL: a fresh database, migrated twice (the second run applies nothing), then demo data.
(cd / && su postgres -c "dropdb --if-exists omsorg_smoke && createdb -O omsorg omsorg_smoke")
smoke_url="${base_url%/*}/omsorg_smoke"
"$omsorg" migrate --database "$smoke_url" </dev/null | grep -Ec "[1-9][0-9]* migration\(s\) applied" >/dev/null || fail "migrate on PostgreSQL"
"$omsorg" migrate --database "$smoke_url" </dev/null | grep -c "0 migration(s) applied" >/dev/null || fail "second migrate is not a no-op"
"$omsorg" demo --database "$smoke_url" </dev/null | grep -c "sydby.caseworker / demo-password" >/dev/null || fail "demo on PostgreSQL"
echo "smoke: migrate and demo on PostgreSQL ok"

# A bad option is refused with a message and a non-zero exit.
if "$omsorg" serve --database 2>/tmp/omsorg-smoke.err; then fail "serve --database without a value succeeded"; fi
grep -q "needs a SQLite file path" /tmp/omsorg-smoke.err || fail "no message for a missing --database value"

# The README's first command: serve --demo on a SQLite file in an empty directory.
workdir=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$workdir" && exec "$omsorg" serve --demo --port "$port" </dev/null >"$workdir/serve.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$workdir"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 $server 2>/dev/null || { cat "$workdir/serve.log"; fail "serve exited"; }
  sleep 1
done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"sydby.caseworker","password":"demo-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') \
  || fail "demo login"
overdue=$(curl -sf "http://127.0.0.1:$port/api/v1/worktray" -H "authorization: Bearer $token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["overdue"])') || fail "worktray"
[ "$overdue" -gt 0 ] || fail "the demo worktray shows no overdue deadline"
[ -f "$workdir/omsorg.sqlite" ] || fail "no omsorg.sqlite in the working directory"
# Over the wire, too, an oversize body and a missing token are answered as problem details.
big=$(head -c 100000 /dev/zero | tr '\0' 'x')
status=$(curl -s -o "$workdir/big.json" -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/v1/reports-of-concern" \
  -H "authorization: Bearer $token" -H 'content-type: application/json' --data "{\"description\":\"$big\"}")
[ "$status" = 413 ] && grep -q '"status":413' "$workdir/big.json" || fail "oversize body answered $status"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/worktray")
[ "$status" = 401 ] || fail "worktray without a token answered $status"
echo "smoke: serve --demo on SQLite ok ($overdue overdue deadlines in the demo worktray)"

# A backup taken while reports are written restores table for table: restore prints the digests
# backup printed. A backup is never written over.
received=$(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%SZ)
(for _ in $(seq 1 40); do
  curl -s -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/reports-of-concern" -H "authorization: Bearer $token" \
    -H 'content-type: application/json' -d "{\"child\":{\"personNumber\":\"650514-4854\",\"name\":\"Smoke Barn\",\"schoolOrDaycare\":\"Byskolen\"},
      \"notifier\":{\"kind\":\"anonymous\"},\"receivedAt\":\"$received\",\"description\":\"Smoke\"}"
done) &
writer=$!
"$omsorg" backup --database "$workdir/omsorg.sqlite" --out "$workdir/backup.sqlite" </dev/null >"$workdir/backup.txt" || fail "backup while writing"
wait $writer
if "$omsorg" backup --database "$workdir/omsorg.sqlite" --out "$workdir/backup.sqlite" </dev/null 2>"$workdir/err.txt" >/dev/null; then fail "a backup was written over"; fi
grep -q "exists already" "$workdir/err.txt" || fail "no message for an existing backup file"
"$omsorg" restore --database "$workdir/restored.sqlite" "$workdir/backup.sqlite" </dev/null >"$workdir/restore.txt" || fail "restore"
tables() { grep -E '^  | tables, ' "$1"; }
diff <(tables "$workdir/backup.txt") <(tables "$workdir/restore.txt") || fail "the restored tables differ from the backup's"
grep -q "unbroken" "$workdir/restore.txt" || fail "the restored audit log was not verified"
echo "smoke: backup during writes and restore ok ($(tail -n 1 "$workdir/backup.txt"))"
# Retention: nothing of the demo is due today, and repeating the run changes nothing; planned
# years ahead, its closed cases and audit entries are due.
"$omsorg" retention run --database "$workdir/restored.sqlite" </dev/null | grep -c "^0 records deleted" >/dev/null || fail "retention deleted demo data due today"
"$omsorg" retention run --database "$workdir/restored.sqlite" </dev/null | grep -c "^0 records deleted" >/dev/null || fail "a second retention run did something"
"$omsorg" retention run --dry-run --as-of 2040-01-01 --database "$workdir/restored.sqlite" </dev/null | grep -Ec "closed-cases .* [1-9][0-9]*$" >/dev/null \
  || fail "no closed case due in a planned retention run"
echo "smoke: retention run ok"
kill $server

# Early detection: generate, refuse bad extracts with a message and a non-zero exit, load
# idempotently, and survive a kill in the middle of a file with nothing of it stored.
command -v sqlite3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3; } >&2
cd "$workdir"
# The demo's audit chains hold against their checkpoint, and losing the newest entry is found.
wait $server 2>/dev/null || true
"$omsorg" audit checkpoint --out heads.json </dev/null | grep -c "Wrote the heads of 2 chains" >/dev/null || fail "audit checkpoint"
"$omsorg" audit verify --checkpoint heads.json </dev/null | grep -c "unbroken" >/dev/null || fail "audit verify of the demo"
sqlite3 omsorg.sqlite "DELETE FROM audit_entries WHERE rowid = (SELECT MAX(rowid) FROM audit_entries)"
if "$omsorg" audit verify --checkpoint heads.json </dev/null 2>err.txt >/dev/null; then fail "a deleted audit entry went unnoticed"; fi
grep -q "truncated" err.txt || fail "audit verify did not name the cut: $(cat err.txt)"
echo "smoke: the demo's audit chains verify against their checkpoint, and a deleted entry is found"
rm omsorg.sqlite*
"$omsorg" generate --inhabitants 70000 --years 5 --seed 42 --out gen </dev/null >/dev/null
if "$omsorg" generate --inhabitants 100 --out /proc/omsorg-gen </dev/null 2>err.txt >/dev/null; then fail "generate wrote into /proc"; fi
grep -q "Cannot write the extracts to /proc/omsorg-gen" err.txt || fail "no message for a folder that cannot be made"
"$omsorg" municipality --code 9903 --name Smokeby </dev/null >/dev/null
printf 'smoke administrator pw\n' | "$omsorg" administrator --municipality 9903 --username smokeby.admin --name "Vera Hansen" 2>err.txt \
  | grep -c "Added administrator smokeby.admin" >/dev/null || fail "administrator: $(cat err.txt)"
if printf 'short\n' | "$omsorg" administrator --municipality 9903 --username smokeby.admin2 --name Vera 2>err.txt >/dev/null; then fail "a short password was accepted"; fi
grep -q -- "--password" err.txt || fail "no message naming the password: $(cat err.txt)"
# No extract is loaded, tabulated or trained on before the municipality has recorded its legal basis.
if "$omsorg" ingest --source daycare --municipality 9903 gen/daycare.csv </dev/null 2>err.txt >/dev/null; then fail "ingest ran without a legal basis"; fi
grep -q "no legal basis for early detection" err.txt || fail "no message for the missing legal basis: $(cat err.txt)"
grep -q "omsorg municipality legal-basis --code 9903" err.txt || fail "the message does not say how to record the basis"
if "$omsorg" model train --municipality 9903 --as-of 2025-01-01 </dev/null 2>err.txt >/dev/null; then fail "training ran without a legal basis"; fi
grep -q "no legal basis for early detection" err.txt || fail "no message for training without a legal basis: $(cat err.txt)"
if "$omsorg" municipality legal-basis --code 9903 --reference " " --date 2024-03-01 --approved-by Byrådet </dev/null 2>err.txt >/dev/null; then fail "an empty reference was recorded"; fi
grep -q -- "--reference" err.txt || fail "no message naming the reference: $(cat err.txt)"
if "$omsorg" municipality legal-basis --code 9903 --reference "Lov nr. 1" --date 2099-01-01 --approved-by Byrådet </dev/null 2>err.txt >/dev/null; then fail "a future date was recorded"; fi
grep -q -- "--date" err.txt || fail "no message naming the date: $(cat err.txt)"
[ "$(sqlite3 omsorg.sqlite "SELECT COUNT(*) FROM detection_legal_bases")" = 0 ] || fail "a refused legal basis was stored"
"$omsorg" municipality legal-basis --code 9903 --reference "Byrådets beslutning af 1. marts 2024, sag 24/123" --date 2024-03-01 \
  --approved-by "Byrådet" </dev/null | grep -c "Recorded the legal basis" >/dev/null || fail "legal-basis"
echo "smoke: detection refuses to run without a legal basis, and a bad one is refused by field"
printf 'person_number,date,event,diagnosis\n7503184002,2024-01-01,attended,F32\n' >refused.csv
if "$omsorg" ingest --source dental --municipality 9903 refused.csv </dev/null 2>err.txt >/dev/null; then fail "a diagnosis column was accepted"; fi
grep -q "column 'diagnosis' is refused" err.txt || fail "no message naming the refused column"
printf 'person_number,date,event\n7503184002,2024-01-01,attended\n7503184002,2024-02-30,attended\n' >bad.csv
if "$omsorg" ingest --source dental --municipality 9903 bad.csv </dev/null 2>err.txt >/dev/null; then fail "a bad date was accepted"; fi
grep -q "line 3, column date" err.txt || fail "no line number for a bad row"
events() { sqlite3 omsorg.sqlite "SELECT COALESCE(SUM(row_count), 0) FROM detection_event_chunks; SELECT COUNT(*) FROM detection_files;" | tr '\n' ' '; }
[ "$(events)" = "0 0 " ] || fail "refused files left rows behind: $(events)"
# Kill -9 in the middle of a file's transaction, once its first rows are written. A reader holds the
# database meanwhile, so the ingest cannot commit (SQLite's rollback journal waits for readers) and is
# certain to be killed inside it.
mkfifo reader.in
sqlite3 omsorg.sqlite <reader.in >reader.out &
reader=$!
exec 3>reader.in
echo "BEGIN; SELECT COUNT(*) FROM detection_files;" >&3
for _ in $(seq 1 100); do [ -s reader.out ] && break; sleep 0.05; done
"$omsorg" ingest --source daycare --municipality 9903 gen/daycare.csv </dev/null >ingest.log 2>&1 &
ingest=$!
for _ in $(seq 1 600); do grep -q "ingest: " ingest.log && break; sleep 0.05; done
kill -9 "$ingest" 2>/dev/null || true
wait "$ingest" 2>/dev/null || true
grep -q "ingest: " ingest.log || fail "no progress line from ingest"
exec 3>&- # the reader's input ends, and with it its transaction
wait "$reader"
grep -q "Loaded" ingest.log && fail "the ingest committed while a reader held the database"
[ "$(events)" = "0 0 " ] || fail "a killed ingest left rows behind: $(events)"
rows=$(($(wc -l <gen/daycare.csv) - 1))
"$omsorg" ingest --source daycare --municipality 9903 gen/daycare.csv </dev/null | grep -c "Loaded $rows rows" >/dev/null || fail "ingest after the kill"
"$omsorg" ingest --source daycare --municipality 9903 gen/daycare.csv </dev/null | grep -c "already loaded" >/dev/null || fail "second ingest was not a no-op"
[ "$(events)" = "$rows 1 " ] || fail "after reloading: $(events), expected $rows rows in one file"
echo "smoke: ingest refuses bad extracts, survives kill -9 mid-file and loads $rows daycare rows once"
# Every other extract loaded, the table from the store equals the one computed from the folder.
for source in population custody health-visiting dental job-centre social-services substance-treatment; do
  "$omsorg" ingest --source "$source" --municipality 9903 "gen/${source//-/_}.csv" </dev/null >/dev/null || fail "ingest $source"
done
"$omsorg" indicators --municipality 9903 --as-of 2024-01-01 --out table.csv </dev/null | grep -c "children × 8 indicators" >/dev/null || fail "indicators"
[ "$(head -1 table.csv | cut -d, -f1)" = child ] || fail "the indicator table has no header"
"$omsorg" indicators --municipality 9903 --as-of 2024-01-01 --from-extracts gen --out folder.csv </dev/null >/dev/null || fail "indicators --from-extracts"
if "$omsorg" indicators --municipality 9903 --as-of 2024-01-01 --from-extracts missing --out x.csv </dev/null 2>err.txt >/dev/null; then fail "a missing folder gave a table"; fi
grep -q "population.csv: There is no such file" err.txt || fail "no message for a folder without the population"
if "$omsorg" indicators --municipality 9903 --as-of 2024-01-01 --out missing/x.csv </dev/null 2>err.txt >/dev/null; then fail "wrote into a missing folder"; fi
grep -q "does not exist or is not writable" err.txt || fail "no message for an output folder that is missing"
[ "$(wc -l <table.csv)" -gt 1000 ] || fail "the indicator table has only $(wc -l <table.csv) lines"
cmp -s <(sort table.csv) <(sort folder.csv) || fail "the store and the folder give different indicator tables"
"$omsorg" audit verify </dev/null | grep -c "unbroken" >/dev/null || fail "audit verify"
echo "smoke: the indicator table from the store equals the one from the extracts; audit verify ok"
mkdir model
"$omsorg" model train --municipality 9903 --as-of 2025-01-01 --out model </dev/null >train.log 2>err.txt || fail "model train: $(cat err.txt)"
grep -q "Stored model version 1 for 9903" train.log || fail "model train stored no version: $(cat train.log)"
for file in model-card-9903-v1.md model-card-9903-v1.html impact-assessment-9903-v1.md impact-assessment-9903-v1.html; do
  [ -s "model/$file" ] || fail "model train wrote no $file"
done
grep -q "## Performance on the held-out period" model/model-card-9903-v1.md || fail "the model card has no performance section"
grep -q "Byrådets beslutning af 1. marts 2024" model/impact-assessment-9903-v1.html || fail "the impact assessment does not name the legal basis"
if "$omsorg" model train --municipality 9903 --as-of 2025-07-01 </dev/null 2>err.txt >/dev/null; then fail "trained on an outcome not yet known"; fi
grep -q "2025-06-30" err.txt || fail "no message for an outcome not yet known: $(cat err.txt)"
if sqlite3 omsorg.sqlite "UPDATE model_versions SET data_sha256 = 'x'" 2>/dev/null; then fail "a stored model version was changed"; fi
rm model/*
"$omsorg" model card --municipality 9903 --version 1 --out model </dev/null >/dev/null || fail "model card"
[ -s model/model-card-9903-v1.md ] || fail "model card wrote no model card"
if "$omsorg" model card --municipality 9903 --version 7 </dev/null 2>err.txt >/dev/null; then fail "a card for a version that does not exist"; fi
grep -q "no model version 7" err.txt || fail "no message for a missing version: $(cat err.txt)"
echo "smoke: model train stores version 1 with its model card and impact assessment; a stored version cannot be changed"
"$omsorg" model score --municipality 9903 --as-of 2025-01-01 </dev/null >score.log 2>err.txt || fail "model score: $(cat err.txt)"
grep -q "proposed 20 (capacity 20 a month, 0 used before)" score.log || fail "model score proposed other than 20: $(head -1 score.log)"
[ "$(grep -c "^  household " score.log)" = 20 ] || fail "model score listed other than 20 families"
grep -q "odds ratio" score.log || fail "a proposal does not explain itself"
"$omsorg" model score --municipality 9903 --as-of 2025-01-01 </dev/null | grep -c "nothing new is proposed" >/dev/null || fail "a second run on the day proposed again"
[ "$(sqlite3 omsorg.sqlite "SELECT COUNT(*), COUNT(DISTINCT household) FROM detection_proposals")" = "20|20" ] || fail "proposals stored twice"
if "$omsorg" model policy --municipality 9903 --threshold 2 </dev/null 2>err.txt >/dev/null; then fail "a threshold above 1 was accepted"; fi
grep -q -- "--threshold is a probability" err.txt || fail "no message naming the threshold: $(cat err.txt)"
"$omsorg" model policy --municipality 9903 --capacity 25 </dev/null | grep -c "up to 25 families" >/dev/null || fail "model policy"
"$omsorg" model score --municipality 9903 --as-of 2025-01-20 </dev/null | grep -c "proposed 5 (capacity 25 a month, 20 used before)" >/dev/null || fail "the month's capacity"
"$omsorg" model evaluate --municipality 9903 --truth gen/truth --json </dev/null >evaluation.json 2>err.txt || fail "model evaluate: $(cat err.txt)"
python3 - evaluation.json <<'PY' || fail "model evaluate reported: $(head -c 300 evaluation.json)"
import json, sys
report = json.load(open(sys.argv[1]))
evaluation = report["evaluation"]
assert 0.6 < evaluation["auc"] < 0.75 and evaluation["aucInterval"]["lower"] < evaluation["auc"] < evaluation["aucInterval"]["upper"]
assert abs(report["oracle"]["auc"] - evaluation["auc"]) < 0.03
assert [top["share"] for top in evaluation["topShares"]] == [0.01, 0.05, 0.1]
assert sum(term["covered"] for term in report["coverage"]) >= len(report["coverage"]) - 2
assert [group["grouping"] for group in report["groupErrors"]] == ["age band", "custody holders"]
PY
(mkdir nodb && cd nodb && "$omsorg" model evaluate --scores ../gen/truth/children.csv --score probability --outcome outcome --json </dev/null >../file.json) \
  || fail "model evaluate --scores"
[ ! -e nodb/omsorg.sqlite ] || fail "model evaluate --scores opened a database"
# truth/children.csv rounds probabilities to six decimals, which can tie a few.
python3 -c "import json; assert abs(json.load(open('file.json'))['evaluation']['auc'] - json.load(open('evaluation.json'))['oracle']['auc']) < 1e-5" \
  || fail "the truth file's AUC differs from the oracle AUC"
printf 'score,outcome\n0.2,0\n1.2,1\n' >scored.csv
if "$omsorg" model evaluate --scores scored.csv --outcome outcome </dev/null 2>err.txt >/dev/null; then fail "a score above 1 was evaluated"; fi
grep -q "line 3, column score" err.txt || fail "no line and column for a bad score: $(cat err.txt)"
echo "smoke: model evaluate reports AUC with its interval, the oracle AUC, coverage and group error rates, and any scored file without the database"
"$omsorg" audit verify </dev/null | grep -c "unbroken" >/dev/null || fail "audit verify after scoring"
echo "smoke: model score proposes the 20 highest families once, each explained, within the month's capacity"
