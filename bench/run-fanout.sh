#!/usr/bin/env bash
# Fan-out benchmark: starts Cohort on a fresh database of the PostgreSQL at 127.0.0.1:5432, links a group of N
# members (default 100,000) to a secret course and unlinks it, beside the bare SQL, and writes the figures into
# BENCHMARKS.md. Usage: bench/run-fanout.sh [--members N] [--rounds R] [--small]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
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
bench_start "$PORT"
OUT=$(mktemp)
java -Dbench.out="$OUT" -cp "$CP" bench/FanOutBench.java "http://localhost:$PORT" "$TOKEN" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$MEMBERS" "$ROUNDS"
bench_write_section "Access: linking and unlinking a large group" "$(cat <<MD
Command: \`bench/run-fanout.sh --members $MEMBERS --rounds $ROUNDS\` ($(bench_machine)). The link call returns
after its transaction commits, so its time is the time until every participant, notification and outbox row exists.
The bare figures are the plain \`INSERT ... SELECT\` (participants, notifications, outbox, one transaction) and
\`DELETE ... USING\` of the same rows over JDBC, measured in the same run.

$(cat "$OUT")
MD
)"
