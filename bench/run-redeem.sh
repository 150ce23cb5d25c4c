#!/usr/bin/env bash
# Join-code redeem benchmark (issue 15): starts Cohort on a fresh database of the PostgreSQL at 127.0.0.1:5432, makes
# N single-use codes (default 1,000,000) in one code group through ~generate (100,000 a call, each call timed), gives
# members a member token each, times POST /v1/me/groups~redeem of random unused codes with 1 client and with C clients
# (default 8; R redeems each, default 2,000), beside the bare SQL of the redeem and the cheapest member-token request
# measured in the same run, and writes the figures into BENCHMARKS.md.
# Usage: bench/run-redeem.sh [--codes N] [--redeems R] [--clients C] [--small]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
CODES=1000000
REDEEMS=2000
CLIENTS=8
while [ $# -gt 0 ]; do
  case "$1" in
    --codes) CODES="$2"; shift 2 ;;
    --redeems) REDEEMS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    --small) CODES=100000; REDEEMS=300; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_PORT:-18094}
COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
bench_start "$PORT"
OUT=$(mktemp)
java -Dbench.out="$OUT" -cp "$CP" bench/RedeemBench.java "http://localhost:$PORT" "$TOKEN" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$CODES" "$REDEEMS" "$CLIENTS"
bench_write_section "Groups: join codes" "$(cat <<MD
Command: \`bench/run-redeem.sh --codes $CODES --redeems $REDEEMS --clients $CLIENTS\` (commit $COMMIT, $(bench_machine)).
One static code group; its codes are made through \`POST /v1/groups/{id}/joinCodes~generate\` \`{"count": 100000}\`,
each call timed by the client over HTTP (the whole request, the 100,000 codes answered in the body). Members are
inserted by SQL (\`Accepted\`), each with a member token; each redeem (\`POST /v1/me/groups~redeem\`, a random
unused code, one member each) must answer \`200 {"status": "Joined"}\`, first from 1 client after 200 warm-up redeems,
then from $CLIENTS concurrent clients. The floors, measured in the same run: the redeem as bare SQL over one JDBC
connection, one transaction per redeem (the code read by \`(spot_id, code)\`, the conditional
\`update join_code set uses = uses + 1 ... and (max_uses is null or uses < max_uses)\`, the membership inserted with
its count delta in Cohort's statement, commit), and the cheapest request with a member token (the fixed cost of a
request: authentication, routing, JSON). Afterwards \`membersCount\` equals the redeems and every redeemed code has
\`uses = 1\`.

$(cat "$OUT")
MD
)"
