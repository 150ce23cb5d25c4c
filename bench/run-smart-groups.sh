#!/usr/bin/env bash
# Smart groups benchmark (issue 6): starts Cohort on a fresh database of the PostgreSQL at 127.0.0.1:5432 and measures
# the issue's three targets with bench/SmartGroupBench.java, then writes the section "Smart groups" of BENCHMARKS.md:
#   evaluate  a new smart group's rule over 1,000,000 members (POST /v1/groups kind smart; also previewRule and a
#             PUT rule change), median of 5                                                  target < 2 s
#   tag       tag / untag one member with 1,000 smart groups defined (10,000 members), p50/p95/p99
#                                                                                            target p50 < 20 ms
#   import    100,000 members (CSV) into a Spot with 100 smart groups, memberships included  target < 30 s
# Every stored membership measured is checked against the harness's own SQL translation of the rules.
#
#   bench/run-smart-groups.sh                 # full run (about 7 min on 2 cores; the tag scenario creating
#                                             # its 1,000 groups and checking them takes a third of it)
#   bench/run-smart-groups.sh --small         # smoke run (50,000 / 2,000 members, 5,000 rows); does not write
#   bench/run-smart-groups.sh --scenarios tag,import --members 200000 --runs 3 --requests 300
#   bench/run-smart-groups.sh --cap 120       # give each evaluate call 120 s (default 60) before cancelling it
#   bench/run-smart-groups.sh --explain 200   # also log EXPLAIN ANALYZE (auto_explain) of the service's statements
#                                             # over 200 ms into target/smart-groups-explain.log (slows them: no write)
#   bench/run-smart-groups.sh --custom-plans  # the service's sessions plan every statement afresh
#                                             # (plan_cache_mode = force_custom_plan on the bench database; no write)
#   bench/run-smart-groups.sh --no-write      # print only
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
COMMAND="bench/run-smart-groups.sh${*:+ $*}"

EVALUATE_MEMBERS=1000000
RUNS=5
TAG_MEMBERS=10000
TAG_GROUPS=1000
TAG_REQUESTS=300
IMPORT_ROWS=100000
IMPORT_GROUPS=100
SCENARIOS=all
CAP=60
WRITE=true
EXPLAIN_MS=""
CUSTOM_PLANS=false
while [ $# -gt 0 ]; do
  case "$1" in
    --members) EVALUATE_MEMBERS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --tag-members) TAG_MEMBERS="$2"; shift 2 ;;
    --groups) TAG_GROUPS="$2"; shift 2 ;;
    --requests) TAG_REQUESTS="$2"; shift 2 ;;
    --rows) IMPORT_ROWS="$2"; shift 2 ;;
    --import-groups) IMPORT_GROUPS="$2"; shift 2 ;;
    --scenarios) SCENARIOS="$2"; shift 2 ;;
    --cap) CAP="$2"; shift 2 ;;
    --small) EVALUATE_MEMBERS=50000; RUNS=3; TAG_MEMBERS=2000; TAG_GROUPS=100; TAG_REQUESTS=60; IMPORT_ROWS=5000
             IMPORT_GROUPS=20; WRITE=false; shift ;;
    --explain) EXPLAIN_MS="$2"; WRITE=false; shift 2 ;;
    --custom-plans) CUSTOM_PLANS=true; WRITE=false; shift ;;
    --no-write) WRITE=false; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see bench/run-smart-groups.sh --help)" >&2; exit 2 ;;
  esac
done

PORT=${BENCH_PORT:-18093}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
bench_start "$PORT"
# bench_start removes the data directory on exit: keep the service's log for reading, and show its end on failure.
mkdir -p target
trap 'status=$?; cp "$DATA/app.log" target/smart-groups-app.log 2>/dev/null || true
  if [ $status -ne 0 ]; then
    echo "--- end of the service log (whole log: target/smart-groups-app.log)"; tail -40 "$DATA/app.log"
  fi
  bench_cleanup' EXIT
curl -sf "localhost:$PORT/actuator/health" >/dev/null || { echo "Cohort did not start"; exit 1; }

# Settings of the bench database for the diagnostic modes: they apply to new sessions, so the pool's sessions are
# ended (the pool opens new ones).
reconnect_with() {
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "$1" \
    -c "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '$DB'" >/dev/null
  sleep 2
  for _ in 1 2 3; do curl -s "localhost:$PORT/actuator/health" >/dev/null || true; sleep 1; done
}
PG_LOG=""
if [ -n "$EXPLAIN_MS" ]; then
  PG_LOG=${BENCH_PG_LOG:-$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1)}
  LOG_OFFSET=$(stat -c %s "$PG_LOG")
  for setting in "session_preload_libraries = 'auto_explain'" "auto_explain.log_min_duration = '${EXPLAIN_MS}ms'" \
      "auto_explain.log_analyze = on" "auto_explain.log_buffers = on" "auto_explain.log_nested_statements = on" \
      "auto_explain.log_triggers = on"; do
    psql -h 127.0.0.1 -U postgres -d postgres -qc "alter database $DB set $setting"
  done
  reconnect_with "select 1"
fi
if $CUSTOM_PLANS; then
  reconnect_with "alter database $DB set plan_cache_mode = force_custom_plan"
fi

OUT=$(mktemp)
java -Dbench.out="$OUT" -cp "$CP" bench/SmartGroupBench.java "http://localhost:$PORT" "$TOKEN" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" --evaluate-members "$EVALUATE_MEMBERS" --runs "$RUNS" \
  --tag-members "$TAG_MEMBERS" --tag-groups "$TAG_GROUPS" --tag-requests "$TAG_REQUESTS" \
  --import-rows "$IMPORT_ROWS" --import-groups "$IMPORT_GROUPS" --scenarios "$SCENARIOS" --cap "$CAP"
IMPORT_LOG=$(grep -o 'Members import into Spot .*' "$DATA/app.log" | sed -E 's/^Members import into Spot [^:]*: //' \
  | paste -sd ';' - | sed 's/;/; /g' || true)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
CODE="commit $(git rev-parse --short HEAD)$(git status --porcelain -- src | grep -q . && echo ' with uncommitted changes under src/' || true)"

if [ -n "$PG_LOG" ]; then
  tail -c +$((LOG_OFFSET + 1)) "$PG_LOG" > target/smart-groups-explain.log
  PLANS=$(grep -c 'duration:' target/smart-groups-explain.log || true)
  echo "auto_explain: $PLANS plans in target/smart-groups-explain.log"
fi

if $WRITE; then
  bench_write_section "Smart groups" "$(cat <<MD
Command: \`$COMMAND\` ($(bench_machine)); load average $LOAD_BEFORE before the run, $LOAD_AFTER after; $CODE.
One HTTP/1.1 client on loopback, one request at a time; times are the whole request as the client sees it. Each
scenario has a Spot of its own in the same database; members are written by set-based SQL (evaluate, tag) or by the
import, their tags and custom properties (\`plan\` SingleSelect free/pro/team, \`seats\` Number) are created through
the API first. Server log of the imports (baseline, then with smart groups): ${IMPORT_LOG:-none}.

$(cat "$OUT")
MD
)"
fi
