#!/usr/bin/env bash
# Times the seed program end to end, Python against Java, side by side on this machine:
#   python3 $SEED --w0 0.25 --b0 -0.5                 (demo 1 + demo 2, 5000 epochs)
#   java -cp <examples classpath> dev.autograd.examples.Demos --w0 0.25 --b0 -0.5
# First checks that every Java variant prints exactly what Python prints, then times them all
# with hyperfine when it is installed (apt-get install -y hyperfine), else with /usr/bin/time,
# RUNS times each.
#
# Usage (from the repository root, after ./mvnw -B package -DskipTests):
#   autograd-bench/compare-python.sh
# Java is timed as `Demos` runs by default (demo 2 built once and replayed with CompiledGraph),
# with --eager (the graph rebuilt every epoch, as the seed does), and with start-up friendly
# flags (JAVA_TUNED: C1 only and the serial collector).
# Environment: SEED (default reference/reference.py), RUNS (default 5), JAVA_TUNED,
#   JAVA_MAIN, JAVA_CP.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-reference/reference.py}
RUNS=${RUNS:-5}
# The runnable jar: the examples with every library they need (picocli, XChart, ...).
JAVA_CP=${JAVA_CP:-autograd-examples/target/autograd-examples.jar}
JAVA_MAIN=${JAVA_MAIN:-dev.autograd.examples.Demos}
JAVA_TUNED=${JAVA_TUNED:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
ARGS="--w0 0.25 --b0 -0.5"
PY="python3 $SEED $ARGS"
JV="java -cp $JAVA_CP $JAVA_MAIN $ARGS"
JT="java $JAVA_TUNED -cp $JAVA_CP $JAVA_MAIN $ARGS"
OTHER="$JV --eager"      # Demos replays by default; --eager rebuilds like the seed
OTHER_NAME=java-eager
CHECKED=("$JV" "$JT" "$OTHER")
NAMED=(-n python "$PY" -n java "$JV" -n java-tuned "$JT" -n "$OTHER_NAME" "$OTHER")

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
  for cmd in "$PY" "$JV" "$JT" "$OTHER"; do
    echo "== $cmd =="
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f "%e s elapsed, %M KB max RSS" $cmd > /dev/null
    done
  done
fi
