#!/usr/bin/env bash
# The health check deploy/compose runs, at the path apache/kafka has it: here a connection to the listener given by
# --bootstrap-server host:port (the local image carries the broker only, not Kafka's command-line tools).
set -euo pipefail
server=localhost:9092
while [ $# -gt 0 ]; do case "$1" in --bootstrap-server) server=$2; shift 2 ;; *) shift ;; esac; done
exec 3<>"/dev/tcp/${server%:*}/${server##*:}"
