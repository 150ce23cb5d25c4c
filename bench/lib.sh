# Shared by bench/run-fanout.sh and bench/run-course-table.sh (sourced, not run): start Cohort on a fresh
# database of the PostgreSQL at 127.0.0.1:5432, run a single-file Java benchmark against it, and rewrite one
# section of BENCHMARKS.md. The database and the data directory are removed on exit.

# bench_start PORT: builds the jar, creates the database, starts Cohort; sets DB, TOKEN, CP, DATA and APP.
bench_start() {
  local port="$1"
  DB="cohort_bench_$(date +%s)"
  TOKEN="bench-$(date +%s%N)"
  DATA=$(mktemp -d)
  echo "building the jar..."
  ./mvnw -q -B package -DskipTests
  CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeArtifactIds=postgresql)
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB"
  trap bench_cleanup EXIT
  echo "starting Cohort on database $DB..."
  COHORT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" COHORT_DB_USER=postgres COHORT_ADMIN_TOKEN="$TOKEN" \
    COHORT_RATE_LIMIT=off COHORT_DATA_DIR="$DATA" COHORT_OUTBOX_POLL_MILLIS=3600000 PORT="$port" \
    java -jar target/cohort.jar > "$DATA/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 60); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
}

bench_cleanup() {
  [ -n "${APP:-}" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB with (force)" || true
  rm -rf "$DATA"
}

# The machine line of a section: date, cores, memory, JDK, PostgreSQL.
bench_machine() {
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1),
PostgreSQL $(psql -h 127.0.0.1 -U postgres -d postgres -Atc 'show server_version') at 127.0.0.1"
}

# bench_write_section TITLE TEXT: replaces the section "## TITLE" of BENCHMARKS.md (or appends it) with TEXT.
bench_write_section() {
  python3 - "$1" "$2" <<'PY'
import re, sys, pathlib
title, body = sys.argv[1], sys.argv[2].strip() + "\n"
path = pathlib.Path("BENCHMARKS.md")
text = path.read_text() if path.exists() else "# Benchmarks\n\nFigures written by the harnesses under `bench/`.\n"
section = "## " + title + "\n\n" + body
pattern = re.compile(r"## " + re.escape(title) + r"\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section
path.write_text(text)
PY
  echo "BENCHMARKS.md: section \"$1\" rewritten"
}
