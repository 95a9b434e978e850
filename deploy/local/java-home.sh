#!/usr/bin/env bash
# Prints a JDK home with Java 21 or newer: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
set -euo pipefail
version_of() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(version_of "$JAVA_HOME")" -ge 21 ]; then
  echo "$JAVA_HOME"; exit 0
fi
best=""; best_version=0
for home in /usr/lib/jvm/*/; do
  home=${home%/}
  [ -x "$home/bin/java" ] || continue
  v=$(version_of "$home" || echo 0)
  if [ "${v:-0}" -ge 21 ] && [ "$v" -gt "$best_version" ]; then best=$home; best_version=$v; fi
done
[ -n "$best" ] || { echo "No JDK 21 or newer found (set JAVA_HOME)" >&2; exit 1; }
echo "$best"
