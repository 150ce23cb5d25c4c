#!/usr/bin/env bash
# Expiry benchmark: starts Cohort on a fresh database of the PostgreSQL at 127.0.0.1:5432 with the expiry job every
# second, lets N memberships (default 100,000) of a group linked to R secret courses (default 10) expire at once,
# and writes the job's run time beside the bare SQL into BENCHMARKS.md.
# Usage: bench/run-expiry.sh [--members N] [--resources R] [--small]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
MEMBERS=100000
RESOURCES=10
while [ $# -gt 0 ]; do
  case "$1" in
    --members) MEMBERS="$2"; shift 2 ;;
    --resources) RESOURCES="$2"; shift 2 ;;
    --small) MEMBERS=10000; RESOURCES=2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_PORT:-18093}
export COHORT_MEMBERSHIP_EXPIRY_SECONDS=1
bench_start "$PORT"
OUT=$(mktemp)
java -Dbench.out="$OUT" -cp "$CP" bench/ExpiryBench.java "http://localhost:$PORT" "$TOKEN" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$DATA/app.log" "$MEMBERS" "$RESOURCES"
bench_write_section "Groups: memberships that expire" "$(cat <<MD
Command: \`bench/run-expiry.sh --members $MEMBERS --resources $RESOURCES\` ($(bench_machine)). Every membership of
the group reaches its \`validUntil\` at the same instant; the figure is one run of the expiry job (as it logs it),
which removes them in one statement, writes the count delta and revokes the participants the group alone held, in
one transaction. The bare SQL is the same delete (memberships, delta, participants) in one statement over JDBC,
rolled back, measured in the same run.

$(cat "$OUT")
MD
)"
