#!/usr/bin/env bash
# Participants-table benchmark: builds the jar, starts Cohort on a fresh database of the PostgreSQL at
# 127.0.0.1:5432, loads a published secret course with 20 steps and N participants (default 100,000), times the
# participants table sorted by completion rate at the first and a deep page, and writes the figures into
# BENCHMARKS.md. Usage: bench/run-course-table.sh [--participants N] [--requests R]
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=100000
ROUNDS=30
while [ $# -gt 0 ]; do
  case "$1" in
    --participants) MEMBERS="$2"; shift 2 ;;
    --requests) ROUNDS="$2"; shift 2 ;;
    --small) MEMBERS=10000; ROUNDS=5; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_PORT:-18092}
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
java -Dbench.out="$OUT" -cp "$CP" bench/CourseTableBench.java "http://localhost:$PORT" "$TOKEN" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$MEMBERS" "$ROUNDS"
PG=$(psql -h 127.0.0.1 -U postgres -d postgres -Atc "show server_version")
JDK=$(java -version 2>&1 | head -1)
SECTION=$(cat <<MD
## Courses: the participants table

Command: \`bench/run-course-table.sh --participants $MEMBERS --requests $ROUNDS\` ($(date -u +%Y-%m-%d), $(nproc) cores,
$(free -g | awk '/Mem:/{print $2}') GiB, $JDK, PostgreSQL $PG at 127.0.0.1). One client, sequential requests after
one warm-up; progress spread uniformly over 0 to 20 completed steps (deterministic seed).

$(cat "$OUT")
MD
)
python3 - "$SECTION" <<'PY'
import re, sys, pathlib
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nFigures written by the harnesses in bench/; each section names its command.\n"
section = sys.argv[1].strip() + "\n"
pattern = re.compile(r"## Courses: the participants table\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section
path.write_text(text)
PY
echo "BENCHMARKS.md updated"
