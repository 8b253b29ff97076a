#!/usr/bin/env bash
# Compiles TapeProto and its JMH harness against the JMH 1.37 jars in the local Maven repository
# (run ./mvnw -B -pl autograd-bench -am package first, which fetches them) and runs the harness:
#   autograd-bench/prototypes/run-tape-jmh.sh [JMH options, e.g. -prof gc -rf json -rff tape.json]
set -euo pipefail
M2=${M2:-$HOME/.m2/repository}
JMH_CP="$M2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:$M2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$M2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
PROC="$M2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:$JMH_CP"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cd "$(dirname "$0")"
javac -cp "$JMH_CP" -processorpath "$PROC" -d "$OUT" TapeProto.java TapeProtoBenchmark.java
java -cp "$OUT:$JMH_CP" org.openjdk.jmh.Main tape.TapeProtoBenchmark "$@"
