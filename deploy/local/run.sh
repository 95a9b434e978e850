#!/usr/bin/env bash
# Runs the platform locally without Docker: PostgreSQL (the machine's, on 127.0.0.1:5432), a real Kafka broker
# (KRaft, from Maven Central jars), tenancy-service, support-service and outcomes-service with the local profile. Ctrl-C stops everything.
# Data stays in PostgreSQL and in .local/kafka/data, so a second run continues where the first stopped.
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
if [ -z "$(service_jar tenancy-service)" ] || [ -z "$(service_jar support-service)" ] || [ -z "$(service_jar outcomes-service)" ]; then
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

if [ "${1:-}" = "--smoke" ]; then
  token=$(deploy/local/../dev-token.sh reporter SE 1280 malmo-bostad-forst)
  pseudonym=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz
  tenancy=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:8081/api/v1/participants/$pseudonym/tenancies")
  support=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:8082/api/v1/participants/$pseudonym/support")
  outcomes=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:8083/api/v1/metrics/retention?months=12&asOf=2026-06-30")
  echo "Smoke check: tenancy-service $tenancy, support-service $support, outcomes-service $outcomes"
  [ "$tenancy" = 200 ] && [ "$support" = 200 ] && [ "$outcomes" = 200 ]
  exit 0
fi

cat <<INFO

Running.
  tenancy-service   http://127.0.0.1:8081   (OpenAPI UI: http://127.0.0.1:8081/swagger-ui.html)
  support-service   http://127.0.0.1:8082   (OpenAPI UI: http://127.0.0.1:8082/swagger-ui.html)
  outcomes-service  http://127.0.0.1:8083   (GET /api/v1/metrics/retention?months=12&asOf=...)
  Kafka             127.0.0.1:9092          topics tenancy.events.v1, support.events.v1
  Logs              $state/logs/
  A reporter token for Malmö (8 hours):
$(deploy/dev-token.sh reporter SE 1280 malmo-bostad-forst)

Try the API tours in tenancy-service/tenancy-service.http and support-service/support-service.http.
Ctrl-C stops everything.
INFO
wait
