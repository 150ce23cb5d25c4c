#!/usr/bin/env bash
# Fan-out benchmark: builds the jar, starts Cohort on a fresh database of the PostgreSQL at 127.0.0.1:5432,
# links a group of N members (default 100,000) to a secret course and unlinks it, beside the bare SQL, and writes
# the figures into BENCHMARKS.md. Usage: bench/run-fanout.sh [--members N] [--rounds R]
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=100000
ROUNDS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --members) MEMBERS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --small) MEMBERS=10000; ROUNDS=2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_PORT:-18091}
DB="cohort_bench_$(date +%s)"
TOKEN="bench-$(date +%s%N)"
DATA=$(mktemp -d)
echo "building the jar..."
./mvnw -q -B package -DskipTests
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeArtifactIds=postgresql)
psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB"
cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)" || true
  rm -rf "$DATA"
}
trap cleanup EXIT
echo "starting Cohort on database $DB..."
COHORT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" COHORT_DB_USER=postgres COHORT_ADMIN_TOKEN="$TOKEN" \
  COHORT_RATE_LIMIT=off COHORT_DATA_DIR="$DATA" COHORT_OUTBOX_POLL_MILLIS=3600000 PORT=$PORT \
  java -jar target/cohort.jar > "$DATA/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/actuator/health" >/dev/null && break; sleep 1; done
OUT=$(mktemp)
java -Dbench.out="$OUT" -cp "$CP" bench/FanOutBench.java "http://localhost:$PORT" "$TOKEN" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$MEMBERS" "$ROUNDS"
PG=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc "show server_version")
JDK=$(java -version 2>&1 | head -1)
SECTION=$(cat <<MD
## Access: linking and unlinking a large group

Command: \`bench/run-fanout.sh --members $MEMBERS --rounds $ROUNDS\` ($(date -u +%Y-%m-%d), $(nproc) cores,
$(free -g | awk '/Mem:/{print $2}') GiB, $JDK, PostgreSQL $PG at 127.0.0.1). The link call returns after its
transaction commits, so its time is the time until every participant, notification and outbox row exists.
The bare figures are the plain \`INSERT ... SELECT\` (participants, notifications, outbox, one transaction) and
\`DELETE ... USING\` of the same rows over JDBC, measured in the same run.

$(cat "$OUT")
MD
)
python3 - "$SECTION" <<'PY'
import re, sys, pathlib
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nFigures written by the harnesses in bench/; each section names its command.\n"
section = sys.argv[1].strip() + "\n"
pattern = re.compile(r"## Access: linking and unlinking a large group\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section
path.write_text(text)
PY
echo "BENCHMARKS.md updated"
