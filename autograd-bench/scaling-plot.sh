#!/usr/bin/env bash
# Redraws docs/scaling.png (ns per node against graph size, issue 14) from the JMH JSON results
# and prints their table. Usage, from the repository root, after
#   ./mvnw -B -pl autograd-bench -am package -DskipTests:
#   autograd-bench/scaling-plot.sh [SCALING.json] [BANDWIDTH.json] [OUT.png]
# To measure anew (the plot's three engines, about 12 minutes here; all five benchmarks about 20;
# one JMH run at a time on the machine):
#   java -jar autograd-bench/target/benchmarks.jar '\.ScalingBenchmark\.(eager|compiled|generated)$' -prof gc -rf json -rff SCALING.json
#   java -jar autograd-bench/target/benchmarks.jar '\.MemoryBandwidthBenchmark' -rf json -rff BANDWIDTH.json
set -euo pipefail
cd "$(dirname "$0")/.."
SCALING=${1:-autograd-bench/results-2026-12-01-scaling-0055.json}
BANDWIDTH=${2:-autograd-bench/results-2026-11-30-bandwidth.json}
OUT=${3:-docs/scaling.png}
exec java -Djava.awt.headless=true -cp autograd-bench/target/benchmarks.jar \
  dev.autograd.bench.ScalingPlot "$OUT" "$SCALING" "$BANDWIDTH"
