#!/usr/bin/env bash
# Times the seed program end to end, Python against Java, side by side on this machine:
#   python3 $SEED --w0 0.25 --b0 -0.5            (demo 1 + demo 2, 5000 epochs)
#   java -cp benchmarks.jar dev.autograd.bench.SeedRun --w0 0.25 --b0 -0.5
# First checks that both print the same text, then times both with hyperfine when it is
# installed (apt-get install -y hyperfine), else with /usr/bin/time, RUNS times each.
#
# Usage (from the repository root, after ./mvnw -B -pl autograd-bench -am package -DskipTests):
#   autograd-bench/compare-python.sh
# Java is timed three ways: plain `java`, with start-up friendly flags (JAVA_TUNED: C1 only and
# the serial collector, which suit a sub-second single-threaded run), and, for information, the
# same program replaying a CompiledGraph (--compiled, SeedRun only) instead of rebuilding the
# graph each epoch.
# Environment: SEED (default ../shared/seed/reference.py), RUNS (default 5), JAVA_TUNED,
#   JAVA_MAIN (default dev.autograd.bench.SeedRun; the Demos main of autograd-examples once it
#   runs demo 2, with JAVA_CP pointing at its classpath).
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-../shared/seed/reference.py}
RUNS=${RUNS:-5}
JAVA_CP=${JAVA_CP:-autograd-bench/target/benchmarks.jar}
JAVA_MAIN=${JAVA_MAIN:-dev.autograd.bench.SeedRun}
JAVA_TUNED=${JAVA_TUNED:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
ARGS="--w0 0.25 --b0 -0.5"
PY="python3 $SEED $ARGS"
JV="java -cp $JAVA_CP $JAVA_MAIN $ARGS"
JT="java $JAVA_TUNED -cp $JAVA_CP $JAVA_MAIN $ARGS"
JC="$JT --compiled"   # SeedRun only
CHECKED=("$JV")
NAMED=(-n python "$PY" -n java "$JV" -n java-tuned "$JT")
if [ "$JAVA_MAIN" == dev.autograd.bench.SeedRun ]; then
  CHECKED+=("$JC")
  NAMED+=(-n java-tuned-compiled "$JC")
fi

[ -f "$SEED" ] || { echo "seed program not found: $SEED (set SEED=...)" >&2; exit 2; }
[ -e "${JAVA_CP%%:*}" ] || { echo "missing $JAVA_CP: build it first" >&2; exit 2; }

echo "== same output? =="
expected=$($PY)
for cmd in "${CHECKED[@]}"; do
  if [ "$($cmd)" == "$expected" ]; then
    echo "identical output: $cmd"
  else
    echo "output differs from python: $cmd" >&2
    diff <(echo "$expected") <($cmd) >&2 || true
    exit 1
  fi
done

echo "== load: $(uptime) =="
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json /tmp/compare-python.json "${NAMED[@]}"
  python3 - <<'PYEOF'
import json, statistics
results = json.load(open("/tmp/compare-python.json"))["results"]
median = {r["command"]: statistics.median(r["times"]) for r in results}
print("medians: " + ", ".join(f"{name} {t:.3f} s" for name, t in median.items()))
for name, t in median.items():
    if name != "python":
        print(f"python / {name}: {median['python'] / t:.1f}x")
PYEOF
else
  for cmd in "$PY" "$JV" "$JT"; do
    echo "== $cmd =="
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f "%e s elapsed, %M KB max RSS" $cmd > /dev/null
    done
  done
fi
