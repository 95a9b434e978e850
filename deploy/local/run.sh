#!/usr/bin/env bash
# Runs the platform locally without Docker: PostgreSQL (the machine's, on 127.0.0.1:5432), a real Kafka broker
# (KRaft, from Maven Central jars), tenancy-service, support-service and outcomes-service with the local profile. Ctrl-C stops everything.
# Data stays in PostgreSQL and in .local/kafka/data, so a second run continues where the first stopped. The first run
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

stop() {
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop EXIT INT TERM

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
  echo "Building (first run)..."
  ./mvnw -q -B install -DskipTests
fi

# 2. PostgreSQL with one database per service.
if ! (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  echo "PostgreSQL is not reachable on 127.0.0.1:5432; start it first (see README)." >&2; exit 1
fi
for db in tenancy support outcomes; do
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
done

# 3. Kafka broker process (KRaft), from Maven Central jars.
kafka="$state/kafka"
if [ ! -d "$kafka/lib" ]; then
  echo "Fetching the Kafka broker jars from Maven Central..."
  ./mvnw -q -B -f deploy/local/kafka/pom.xml dependency:copy-dependencies -DoutputDirectory="$kafka/lib"
fi
if [ ! -f "$kafka/data/meta.properties" ]; then
  mkdir -p "$kafka/data"
  sed "s#DATA_DIR#$kafka/data#" deploy/local/kafka/server.properties > "$kafka/server.properties"
  cluster=$("$java" -cp "$kafka/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  "$java" -cp "$kafka/lib/*" kafka.tools.StorageTool format -t "$cluster" -c "$kafka/server.properties" >"$state/logs/kafka-format.log" 2>&1
fi
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
  load_demo 40 demo-smoke-loaded
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
  [ "${eligible:-0}" -gt 0 ] && [ "$dashboard" = 200 ]
  exit 0
fi

load_demo "${DEMO_PARTICIPANTS:-1500}" demo-loaded
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
