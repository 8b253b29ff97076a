#!/usr/bin/env bash
# Checks that the build is reproducible: builds every module twice from clean and compares the
# SHA-256 of every jar (library jars, sources and javadoc jars, the runnable examples jar and the
# benchmarks jar). Exit 0 and "reproducible" when all are byte-identical; exit 1 and the jars that
# differ otherwise. Extra arguments go to Maven (e.g. -o to build offline).
set -euo pipefail
cd "$(dirname "$0")/.."

hashes() {
  ./mvnw -B -q clean package -DskipTests "$@" >&2
  find . -path ./.git -prune -o -path '*/target/*.jar' -print | sort | xargs sha256sum
}

first=$(mktemp)
second=$(mktemp)
trap 'rm -f "$first" "$second"' EXIT
hashes "$@" > "$first"
hashes "$@" > "$second"
count=$(wc -l < "$first")
if diff "$first" "$second" > /dev/null; then
  echo "reproducible: $count jars byte-identical across two clean builds"
  cat "$first"
else
  echo "NOT reproducible: these jars differ between two clean builds:"
  diff "$first" "$second" || true
  exit 1
fi
