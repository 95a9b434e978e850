#!/usr/bin/env bash
# Writes server.properties from KAFKA_* variables (KAFKA_LOG_RETENTION_MS -> log.retention.ms), as apache/kafka does,
# with single-node KRaft defaults; formats the storage on first start (CLUSTER_ID, or a new one); starts the broker.
set -euo pipefail
conf=/opt/kafka/server.properties
: "${KAFKA_NODE_ID:=1}" "${KAFKA_PROCESS_ROLES:=broker,controller}"
: "${KAFKA_LISTENERS:=PLAINTEXT://:9092,CONTROLLER://:9093}" "${KAFKA_ADVERTISED_LISTENERS:=PLAINTEXT://localhost:9092}"
: "${KAFKA_CONTROLLER_LISTENER_NAMES:=CONTROLLER}" "${KAFKA_CONTROLLER_QUORUM_VOTERS:=1@localhost:9093}"
: "${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT}"
: "${KAFKA_LOG_DIRS:=/var/lib/kafka/data}" "${KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR:=1}"
: "${KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR:=1}" "${KAFKA_TRANSACTION_STATE_LOG_MIN_ISR:=1}"
: "${KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS:=0}"
export KAFKA_NODE_ID KAFKA_PROCESS_ROLES KAFKA_LISTENERS KAFKA_ADVERTISED_LISTENERS KAFKA_CONTROLLER_LISTENER_NAMES \
  KAFKA_CONTROLLER_QUORUM_VOTERS KAFKA_LISTENER_SECURITY_PROTOCOL_MAP KAFKA_LOG_DIRS \
  KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR \
  KAFKA_TRANSACTION_STATE_LOG_MIN_ISR KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS
: > "$conf"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS) ;;
    KAFKA_*) key=$(echo "${name#KAFKA_}" | tr 'A-Z_' 'a-z.'); echo "$key=$value" >> "$conf" ;;
  esac
done < <(env)
classpath='/opt/kafka/libs/*'
logs=$(sed -n 's/^log.dirs=//p' "$conf" | cut -d, -f1)
if [ ! -f "$logs/meta.properties" ]; then
  id=${CLUSTER_ID:-$(java -cp "$classpath" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)}
  java -cp "$classpath" kafka.tools.StorageTool format -t "$id" -c "$conf" >/dev/null
fi
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} ${KAFKA_OPTS:-} -cp "$classpath" kafka.Kafka "$conf"
