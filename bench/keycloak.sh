# Side by side with Keycloak; sourced by bench/run, which provides start_app, new_spot, new_database, machine,
# write_section, $CP, $WORK, $USERS, $KC_PORT, $KC_VERSION, $COMMAND and $WRITE.
# Fetches org.keycloak:keycloak-quarkus-dist with Maven into target/, starts it in dev mode on loopback on its own
# PostgreSQL database (Temurin 25), starts Cohort on another, and runs bench/KeycloakBench.java against both.

KC_JAVA_HOME=${KC_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

run_keycloak() {
  local dist="target/keycloak-dist/keycloak-$KC_VERSION"
  if [ ! -x "$dist/bin/kc.sh" ]; then
    echo "== fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION"
    ./mvnw -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory=target/keycloak-dist
    (cd target/keycloak-dist && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip")
  fi
  local t0 t1 attempt kc_db
  for attempt in 1 2 3; do
    new_database "keycloak$attempt"
    kc_db="$DB_URL"
    echo "== starting Keycloak $KC_VERSION (dev mode, PostgreSQL database ${kc_db##*/}) on 127.0.0.1:$KC_PORT"
    t0=$(date +%s%N)
    JAVA_HOME="$KC_JAVA_HOME" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
      JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED" \
      "$dist/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" \
      --http-management-port="$((KC_PORT + 1))" --db=postgres --db-url="$kc_db" --db-username=postgres \
      --db-password=postgres >"$WORK/keycloak.log" 2>&1 &
    KC_PID=$!
    for _ in $(seq 1 600); do
      if curl -fs "http://127.0.0.1:$KC_PORT/realms/master" >/dev/null 2>&1; then break 2; fi
      if ! kill -0 "$KC_PID" 2>/dev/null; then break; fi
      sleep 0.5
    done
    local status=0
    kill "$KC_PID" 2>/dev/null || true
    wait "$KC_PID" 2>/dev/null || status=$?
    KC_PID=""
    cp "$WORK/keycloak.log" "target/keycloak-dist/failed-start-$attempt.log"
    tail -20 "$WORK/keycloak.log" >&2
    echo "   Keycloak stopped during start-up (status $status; log in target/keycloak-dist/failed-start-$attempt.log)" >&2
    [ "$attempt" = 3 ] && { echo "Keycloak did not start" >&2; exit 1; }
    sleep 10
  done
  t1=$(date +%s%N)
  local kc_startup
  kc_startup=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  echo "   Keycloak up in ${kc_startup} s (first start, schema creation included)"

  new_database cohort
  start_app "$WORK/cohort.log" COHORT_DB_URL="$DB_URL" COHORT_DB_USER=postgres COHORT_DATA_DIR="$WORK/cohort-data"
  echo "   Cohort up in ${STARTUP} s (first start, migrations included)"
  new_spot

  echo "== the same workload on both, $(printf "%'d" "$USERS") members / users, 8 clients"
  java -cp "$CP" bench/KeycloakBench.java "http://127.0.0.1:$PORT" "$KEY" "http://127.0.0.1:$KC_PORT" admin admin \
    "$USERS" 8 "$WORK/keycloak.tsv"
  local cohort_rss kc_rss
  cohort_rss=$(($(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status") / 1024))
  kc_rss=$(($(awk '/VmRSS/ { print $2 }' "/proc/$KC_PID/status") / 1024))
  printf 'server RSS after the run\t%s MB\t%s MB\t—\t—\t—\n' "$cohort_rss" "$kc_rss" >>"$WORK/keycloak.tsv"
  printf 'start-up to healthy, first start on an empty database\t%s s\t%s s\t—\t—\t—\n' "$STARTUP" "$kc_startup" \
    >>"$WORK/keycloak.tsv"

  local section="$WORK/keycloak-section.md"
  {
    echo "Command: \`$COMMAND\`"
    echo
    echo "- Date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "- Machine: $(machine)"
    echo "- Keycloak $KC_VERSION (\`keycloak-quarkus-dist\` from Maven Central), \`start-dev\` on $("$KC_JAVA_HOME/bin/java" -version 2>&1 | head -1),"
    echo "  on its own PostgreSQL database (\`--db postgres\`), realm \`bench\`, admin REST API with a password-grant admin"
    echo "  token. Cohort from \`target/cohort.jar\` on another database of the same server, \`COHORT_OUTBOX_ENABLED=false\`,"
    echo "  \`COHORT_RATE_LIMIT=off\`. Both loaded from \`bench/KeycloakBench.java\`, 8 concurrent HTTP/1.1 clients on loopback,"
    echo "  one system at a time."
    echo
    echo "| measure | Cohort | Keycloak | Cohort vs Keycloak | target | |"
    echo "| --- | --- | --- | --- | --- | --- |"
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$WORK/keycloak.tsv"
  } >"$section"
  echo
  cat "$section"
  if [ "$WRITE" = true ]; then
    write_section "Side by side with Keycloak" "$section"
  fi
}
