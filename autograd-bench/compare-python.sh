#!/usr/bin/env bash
# Times the seed program end to end, Python against Java, side by side on this machine:
#   python3 $SEED --w0 0.25 --b0 -0.5            (demo 1 + demo 2, 5000 epochs)
#   java -cp benchmarks.jar dev.autograd.bench.SeedRun --w0 0.25 --b0 -0.5
# First checks that both print the same text, then times both with hyperfine when it is
# installed (apt-get install -y hyperfine), else with /usr/bin/time, RUNS times each.
#
# Usage (from the repository root, after ./mvnw -B -pl autograd-bench -am package -DskipTests):
#   autograd-bench/compare-python.sh
# Environment: SEED (default ../shared/seed/reference.py), RUNS (default 5),
#   JAVA_MAIN (default dev.autograd.bench.SeedRun; the Demos main of autograd-examples once it
#   runs demo 2, with JAVA_CP pointing at its classpath).
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-../shared/seed/reference.py}
RUNS=${RUNS:-5}
JAVA_CP=${JAVA_CP:-autograd-bench/target/benchmarks.jar}
JAVA_MAIN=${JAVA_MAIN:-dev.autograd.bench.SeedRun}
ARGS="--w0 0.25 --b0 -0.5"
PY="python3 $SEED $ARGS"
JV="java -cp $JAVA_CP $JAVA_MAIN $ARGS"

[ -f "$SEED" ] || { echo "seed program not found: $SEED (set SEED=...)" >&2; exit 2; }
[ -f "${JAVA_CP%%:*}" ] || { echo "missing $JAVA_CP: build it first" >&2; exit 2; }

echo "== same output? =="
if diff <($PY) <($JV) > /dev/null; then
  echo "identical output"
else
  echo "outputs differ:" >&2
  diff <($PY) <($JV) >&2 || true
  exit 1
fi

echo "== load: $(uptime) =="
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs "$RUNS" --export-markdown /tmp/compare-python.md \
    -n python "$PY" -n java "$JV"
else
  for cmd in "$PY" "$JV"; do
    echo "== $cmd =="
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f "%e s elapsed, %M KB max RSS" $cmd > /dev/null
    done
  done
fi
