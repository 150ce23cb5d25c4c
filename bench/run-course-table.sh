#!/usr/bin/env bash
# Participants-table benchmark: starts Cohort on a fresh database of the PostgreSQL at 127.0.0.1:5432, loads a
# published secret course with 20 steps and N participants (default 100,000), times the participants table sorted
# by completion rate at the first and a deep page, and writes the figures into BENCHMARKS.md.
# Usage: bench/run-course-table.sh [--participants N] [--requests R] [--small]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PARTICIPANTS=100000
REQUESTS=30
while [ $# -gt 0 ]; do
  case "$1" in
    --participants) PARTICIPANTS="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --small) PARTICIPANTS=10000; REQUESTS=5; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_PORT:-18092}
bench_start "$PORT"
OUT=$(mktemp)
java -Dbench.out="$OUT" -cp "$CP" bench/CourseTableBench.java "http://localhost:$PORT" "$TOKEN" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$PARTICIPANTS" "$REQUESTS"
bench_write_section "Courses: the participants table" "$(cat <<MD
Command: \`bench/run-course-table.sh --participants $PARTICIPANTS --requests $REQUESTS\` ($(bench_machine)).
One client, sequential requests after one warm-up; progress spread uniformly over 0 to 20 completed steps
(deterministic seed).

$(cat "$OUT")
MD
)"
