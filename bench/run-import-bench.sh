#!/usr/bin/env bash
# Reproducible benchmark of the members CSV import (100,000 rows in one request) and of a group's
# spotMembers~bulkAdd (1,000 ids per call), on a fresh database of the PostgreSQL at $PGHOST:$PGPORT
# (user postgres, trust authentication). The database is dropped afterwards. Writes the figures into
# BENCHMARKS.md, section "Foundation: import and bulkAdd".
#
#   bench/run-import-bench.sh            # BENCH_ROWS=100000 BENCH_RUNS=5 BENCH_PORT=18080 by default
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
ROWS=${BENCH_ROWS:-100000}
RUNS=${BENCH_RUNS:-5}
PORT=${BENCH_PORT:-18080}
TOKEN=bench-admin-token
DB="cohort_bench_$(date +%s)_$$"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
APP_PID=""

cleanup() {
    if [[ -n "$APP_PID" ]]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building target/cohort.jar"
./mvnw -B -q -DskipTests package

echo "== creating database $DB on $PGHOST:$PGPORT"
psql -q -d postgres -c "create database $DB"

echo "== starting the service on port $PORT"
COHORT_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" COHORT_DB_USER="$PGUSER" COHORT_ADMIN_TOKEN="$TOKEN" \
    COHORT_RATE_LIMIT=off COHORT_DATA_DIR="$WORK/data" PORT="$PORT" \
    java -jar target/cohort.jar >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    if curl -fs "$BASE/actuator/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$WORK/app.log"; exit 1; fi
    sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null

spot=$(curl -fs -X POST "$BASE/admin/v1/spots" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d '{"name":"Benchmark"}')
KEY=$(jq -r .apiKey <<<"$spot")
api() { curl -fs -H "Authorization: $KEY" -H 'Content-Type: application/json' "$@"; }
api -X POST "$BASE/v1/customProperties" -d '{"label":"Seats","type":"Number"}' >/dev/null

echo "== generating $ROWS rows"
awk -v n="$ROWS" 'BEGIN {
    print "email,firstname,lastname,status,tags,seats"
    split("Invited Accepted Pending Invited", status, " ")
    for (i = 0; i < n; i++)
        printf "member%07d@bench.example,First%d,Last%d,%s,cohort-%d;all,%d\r\n", i, i, i % 977, status[i % 4 + 1], i % 10, i % 50
}' >"$WORK/members.csv"
CSV_BYTES=$(wc -c <"$WORK/members.csv")

echo "== importing"
IMPORT_SECONDS=$(curl -fs -o "$WORK/import.json" -w '%{time_total}' -X POST "$BASE/v1/spotMembers~import" \
    -H "Authorization: $KEY" -H 'Content-Type: text/csv' --data-binary @"$WORK/members.csv")
CREATED=$(jq .created "$WORK/import.json")
if [[ "$CREATED" != "$ROWS" ]]; then echo "import created $CREATED of $ROWS"; cat "$WORK/import.json"; exit 1; fi
echo "   $ROWS rows in ${IMPORT_SECONDS}s"

echo "== bulkAdd: $RUNS calls of 1,000 fresh member ids"
GROUP=$(api -X POST "$BASE/v1/groups" -d '{"name":"Benchmark group"}' | jq -r .id)
BULK_TIMES=()
for run in $(seq 1 "$RUNS"); do
    ids=()
    for page in $(seq $(((run - 1) * 10 + 1)) $((run * 10))); do
        mapfile -t -O "${#ids[@]}" ids < <(api "$BASE/v1/spotMembers?page=$page&limit=100" | jq -r '.items[].id')
    done
    body=$(printf '%s\n' "${ids[@]}" | jq -R . | jq -sc '{spotMemberIds: .}')
    seconds=$(curl -fs -o "$WORK/bulk.json" -w '%{time_total}' -X POST "$BASE/v1/groups/$GROUP/spotMembers~bulkAdd" \
        -H "Authorization: $KEY" -H 'Content-Type: application/json' -d "$body")
    added=$(jq '.addedSpotMemberIds | length' "$WORK/bulk.json")
    if [[ "$added" != 1000 ]]; then echo "bulkAdd added $added of 1000"; exit 1; fi
    echo "   run $run: ${seconds}s"
    BULK_TIMES+=("$seconds")
done
BULK_MEDIAN=$(printf '%s\n' "${BULK_TIMES[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
IMPORT_LOG=$(grep -o 'Members import into Spot .*' "$WORK/app.log" | tail -1 | grep -o '[0-9]* rows, .*')

CORES=$(nproc)
MEMORY=$(free -h | awk '/^Mem:/ { print $2 }')
JDK=$(java -version 2>&1 | head -1)
PG=$(psql -At -d postgres -c 'show server_version')
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
DATE=$(date -u +%Y-%m-%dT%H:%MZ)
ROWS_PER_S=$(awk -v r="$ROWS" -v s="$IMPORT_SECONDS" 'BEGIN { printf "%d", r / s }')

SECTION=$(cat <<MD
## Foundation: import and bulkAdd

| operation | figure |
| --- | --- |
| \`POST /v1/spotMembers~import\`, $ROWS rows ($CSV_BYTES bytes: email, names, status, 2 tags, 1 Number property) | ${IMPORT_SECONDS} s end to end (≈ $ROWS_PER_S rows/s) |
| server log of that import | $IMPORT_LOG |
| \`POST /v1/groups/{id}/spotMembers~bulkAdd\`, 1,000 fresh ids, median of $RUNS | ${BULK_MEDIAN} s (runs: ${BULK_TIMES[*]}) |

Times are curl's \`time_total\` against the service on the same machine, on a fresh database.

- Machine: $CORES cores, $MEMORY memory, load average at the end $LOAD; $JDK; PostgreSQL $PG on $PGHOST:$PGPORT
- Date: $DATE
- Command: \`bench/run-import-bench.sh\` (BENCH_ROWS=$ROWS BENCH_RUNS=$RUNS)
MD
)

python3 - "$SECTION" <<'PY'
import pathlib, re, sys
section = sys.argv[1].rstrip() + "\n"
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nFigures written by the harnesses under `bench/`.\n"
pattern = re.compile(r"^## Foundation: import and bulkAdd\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
path.write_text(text.rstrip() + "\n")
PY

echo
echo "$SECTION"
