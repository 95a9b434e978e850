#!/usr/bin/env bash
# Builds the local images the tests and deploy/compose use where no image registry can be reached, from Debian's
# packages, the machine's JDK and Maven Central only:
#   local/hf-base      Debian bookworm (minbase) with curl and CA certificates
#   local/hf-jre       hf-base with the machine's Java 21+ in /opt/java: the services' runtime base (deploy/Dockerfile)
#   local/postgres:15  PostgreSQL 15, with the entrypoint contract of the official image (POSTGRES_USER, _PASSWORD,
#                      _DB, /docker-entrypoint-initdb.d) that Testcontainers and compose rely on
#   local/kafka:4.2.1  Kafka's own broker from Maven Central, configured from KAFKA_* variables like apache/kafka
# Each image is tagged with a hash of what it is built from, and rebuilt only when that changes.
# Needs root, a running Docker engine and debootstrap. Usage: deploy/images/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
here=deploy/images
cache=${IMAGE_CACHE:-/var/cache/housing-first-images}
mirror=$(sed -n 's/^URIs: //p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}
java_home=$(deploy/local/java-home.sh)
mkdir -p "$cache"

# content hash of files and strings, short
digest() { cat "$@" 2>/dev/null | sha256sum | cut -c1-12; }

# image <name> <hash>: true when the image with that hash exists, and tags it as :latest-built
have() { docker image inspect "$1:$2" >/dev/null 2>&1; }

rootfs() { # rootfs <dir> <packages>: a Debian root made by debootstrap, kept in the cache
  local dir=$1 packages=$2
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    echo "debootstrap $dir ($packages)"
    debootstrap --variant=minbase --include="$packages" bookworm "$dir" "$mirror" >"$dir.log" 2>&1
    rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
    touch "$dir/.complete"
  fi
}

import() { # import <dir> <image:tag>
  tar -C "$1" --exclude=./.complete -c . | docker import - "$2" >/dev/null
}

# local/hf-base
base_hash=$(printf 'bookworm minbase curl ca-certificates %s' "$mirror" | sha256sum | cut -c1-12)
if ! have local/hf-base "$base_hash"; then
  rootfs "$cache/base" curl,ca-certificates,bash
  import "$cache/base" "local/hf-base:$base_hash"
fi
docker tag "local/hf-base:$base_hash" local/hf-base:latest

# local/hf-jre: the machine's JDK (Java 21+) copied in
java_version=$("$java_home/bin/java" -version 2>&1 | head -n 1)
jre_hash=$(printf '%s %s %s' "$base_hash" "$java_version" "$(digest $here/jre/Dockerfile)" | sha256sum | cut -c1-12)
if ! have local/hf-jre "$jre_hash"; then
  rm -rf "$cache/jre-context" && mkdir -p "$cache/jre-context"
  cp -a "$java_home" "$cache/jre-context/java"
  rm -rf "$cache/jre-context/java/jmods" "$cache/jre-context/java/lib/src.zip"
  docker build -q -f $here/jre/Dockerfile -t "local/hf-jre:$jre_hash" "$cache/jre-context" >/dev/null
fi
docker tag "local/hf-jre:$jre_hash" local/hf-jre:latest

# local/postgres:15
pg_hash=$(printf 'bookworm minbase postgresql-15 %s %s' "$mirror" "$(digest $here/postgres/*)" | sha256sum | cut -c1-12)
if ! have local/postgres "$pg_hash"; then
  rootfs "$cache/postgres" postgresql-15,bash
  import "$cache/postgres" local/postgres-root:latest
  docker build -q -t "local/postgres:$pg_hash" $here/postgres >/dev/null
fi
docker tag "local/postgres:$pg_hash" local/postgres:15

# local/kafka:4.2.1: the broker's jars from Maven Central, as deploy/local uses them
kafka_hash=$(printf '%s %s' "$jre_hash" "$(digest deploy/local/kafka/pom.xml $here/kafka/*)" | sha256sum | cut -c1-12)
if ! have local/kafka "$kafka_hash"; then
  rm -rf "$cache/kafka-context" && mkdir -p "$cache/kafka-context/libs"
  ./mvnw -q -B -f deploy/local/kafka/pom.xml dependency:copy-dependencies -DoutputDirectory="$cache/kafka-context/libs"
  cp $here/kafka/Dockerfile $here/kafka/entrypoint.sh $here/kafka/kafka-broker-api-versions.sh "$cache/kafka-context/"
  docker build -q -t "local/kafka:$kafka_hash" "$cache/kafka-context" >/dev/null
fi
docker tag "local/kafka:$kafka_hash" local/kafka:4.2.1

docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^local/(hf-base|hf-jre|postgres|kafka):(latest|15|4\.2\.1) '
