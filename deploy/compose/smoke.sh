#!/usr/bin/env bash
# deploy/compose end to end, as CI runs it where no registry is reachable: builds the three service images from
# deploy/Dockerfile on the local runtime base, starts compose with the local PostgreSQL and Kafka images (ports on
# 127.0.0.1 only, a project and volumes of its own), waits until every service is healthy, posts one tenancy with a
# development token, waits until outcomes-service counts it, then stops and removes everything.
# Needs: the service jars (./mvnw -B package -DskipTests), deploy/images/build.sh done, docker-compose or docker compose.
set -euo pipefail
cd "$(dirname "$0")/../.."
project="hf-smoke-$$"
export TAG=smoke BIND_ADDRESS=127.0.0.1 POSTGRES_IMAGE=local/postgres:15 KAFKA_IMAGE=local/kafka:4.2.1
export POSTGRES_PASSWORD="$(openssl rand -hex 16)" PSEUDONYM_KEY="$(openssl rand -base64 32)"
export JWT_ISSUER_URI=http://127.0.0.1:9/not-used JWT_HMAC_SECRET="$(openssl rand -hex 24)"
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
compose() { "${compose[@]}" -p "$project" -f deploy/compose/compose.yaml -f deploy/compose/smoke.override.yaml "$@"; }

for service in tenancy-service support-service outcomes-service; do
  docker build -q -f deploy/Dockerfile --build-arg BASE=local/hf-jre:latest --build-arg SERVICE=$service \
    -t housingfirst/$service:smoke . >/dev/null
done
trap 'compose down -v --remove-orphans >/dev/null 2>&1 || true' EXIT
started=$(date +%s)
compose up -d >/dev/null 2>&1

for service in postgres kafka tenancy-service support-service outcomes-service; do
  id=$(compose ps -q $service)
  until [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ]; do
    if [ $(( $(date +%s) - started )) -gt 400 ]; then
      echo "compose smoke: $service is not healthy after 400 s" >&2; compose logs --tail=40 $service >&2; exit 1
    fi
    sleep 3
  done
done
echo "compose smoke: all five containers healthy after $(( $(date +%s) - started )) s"

reporter=$(deploy/dev-token.sh reporter SE 1280 malmo-bostad-forst 1)
analyst=$(deploy/dev-token.sh analyst SE 1280 malmo-bostad-forst 1)
move_in=$(date -d '13 months ago' +%F)
today=$(date +%F)
curl -fsS -o /dev/null -X POST http://127.0.0.1:8081/api/v1/tenancies -H "Authorization: Bearer $reporter" \
  -H 'Content-Type: application/json' -d '{"participant":{"scheme":"LOCAL_REFERENCE","value":"compose-smoke-1"},
  "moveInDate":"'"$move_in"'","contractType":"FIRST_HAND_LEASE","securityOfTenure":"FULL","leaseHolder":"PARTICIPANT",
  "housingType":"SCATTERED_SITE","landlordType":"PUBLIC_HOUSING","rehousing":false}'
for _ in $(seq 1 60); do
  housed=$(curl -fsS "http://127.0.0.1:8083/api/v1/metrics/still-housed?asOf=$today" -H "Authorization: Bearer $analyst" \
    | sed -n 's/.*"housed":\([0-9]*\).*/\1/p')
  if [ "${housed:-0}" -ge 1 ]; then
    echo "compose smoke: one tenancy posted to tenancy-service counted by outcomes-service ($(( $(date +%s) - started )) s)"
    exit 0
  fi
  sleep 2
done
echo "compose smoke: outcomes-service did not count the tenancy" >&2
compose logs --tail=40 outcomes-service >&2
exit 1
