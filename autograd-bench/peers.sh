#!/usr/bin/env bash
# Times the moons MLP training step (with and without micrograd's L2 term) and the seed's demo-2
# step in PyTorch, JAX (jit, float64), the reference program's pure-Python Value, and autograd
# (eager, compiled, generated, and per-example generated on 1 and 2 threads, from JMH), all in one run, then
# checks every step-0 loss against the engine's to 1e-9 and prints the table (peers.py).
#
# Usage (from the repository root; builds benchmarks.jar when it is missing):
#   autograd-bench/peers.sh [results-file]
# Installs what it needs: JAX with pip into a virtual environment ($PEERS_VENV, default
# ~/.cache/autograd-peers/venv, made from /usr/bin/python3 with its system packages visible);
# PyTorch CPU as Debian's python3-torch (apt-get, when run as root) because PyPI's default Linux
# torch wheel pulls the CUDA packages. A peer that cannot be installed or imported is skipped
# with a printed note, never faked. The reference program comes from $REFERENCE (default
# reference/reference.py in the repository); without it that peer is skipped.
# Environment: PEERS_VENV, REFERENCE, JMH_ARGS (default: -f 3, three forks of each benchmark with
# its class's warm-up and measurement settings: one fork's JIT can settle 20% away from another's,
# and the median is taken over every fork's iterations), PEERS_QUICK=1 (a functional check: one
# step per peer and a minimal JMH run).
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS=${1:-}
OUT=autograd-bench/target/peers
JAR=autograd-bench/target/benchmarks.jar
PEERS_VENV=${PEERS_VENV:-$HOME/.cache/autograd-peers/venv}
export REFERENCE=${REFERENCE:-$(pwd)/reference/reference.py}
JMH_ARGS=${JMH_ARGS:--f 3}
[ -n "${PEERS_QUICK:-}" ] && JMH_ARGS="-f 1 -wi 0 -i 1 -r 200ms"
SYSPY=/usr/bin/python3
mkdir -p "$OUT"

note() { echo "note: $*" >&2; }

[ -f "$JAR" ] || ./mvnw -B -pl autograd-bench -am package -DskipTests

# --- install the peers ---------------------------------------------------------------------
if ! "$SYSPY" -c 'import torch' 2> /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    apt-get install -y python3-torch > "$OUT/apt.log" 2>&1 \
      || note "apt-get install python3-torch failed (see $OUT/apt.log)"
  else
    note "PyTorch missing and not root: install python3-torch (Debian) to time it"
  fi
fi
if [ ! -x "$PEERS_VENV/bin/python" ]; then
  "$SYSPY" -m venv --system-site-packages "$PEERS_VENV" || note "cannot create $PEERS_VENV"
fi
if [ -x "$PEERS_VENV/bin/python" ] && ! "$PEERS_VENV/bin/python" -c 'import jax' 2> /dev/null; then
  "$PEERS_VENV/bin/pip" install jax jaxlib > "$OUT/pip.log" 2>&1 \
    || note "pip install jax jaxlib failed (see $OUT/pip.log)"
fi
# JAX's numpy 2 would shadow the numpy Debian's torch 1.13 was built against: run each peer in
# the interpreter that holds it.
declare -A PY=([torch]=$SYSPY [jax]=$PEERS_VENV/bin/python [python]=$SYSPY)
[ -x "${PY[jax]}" ] || PY[jax]=$SYSPY
PY[jax-1core]=${PY[jax]}
# jax-1core: JAX again, pinned to one core (its fastest setting here for these small steps)
declare -A PIN=([jax-1core]="taskset -c 0")

# --- one run: the engine's start, JMH, then every peer, holding the machine's JMH lock ------
java -cp "$JAR" dev.autograd.bench.PeerSetup > "$OUT/setup.json"
BENCHES='MlpStepBenchmark\.(eager|compiled|generated)Step|MinibatchStepBenchmark|MoonsBatchedStepBenchmark|ThreadedDigitsEpochBenchmark|DemoTwoStepBenchmark\.(eager|compiled|generated|handWritten|naive)$'
START=$(date -u +%FT%TZ)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
exec 9> /tmp/jmh.lock
flock 9   # the machine's JMH lock, held for the whole timed section
java -jar "$JAR" "$BENCHES" $JMH_ARGS -rf json -rff "$OUT/jmh.json" > "$OUT/jmh.log"
for peer in torch jax jax-1core python; do
  ${PIN[$peer]:-} "${PY[$peer]}" autograd-bench/peers.py time $peer "$OUT/setup.json" \
    > "$OUT/$peer.json" 2> "$OUT/$peer.log" \
    || echo "{\"peer\": \"$peer\", \"skipped\": \"failed, see $OUT/$peer.log\"}" > "$OUT/$peer.json"
done
flock -u 9
END=$(date -u +%FT%TZ)

{
  echo "# autograd-bench/peers.sh, $START to $END"
  echo "# command: JMH_ARGS=\"$JMH_ARGS\" autograd-bench/peers.sh, on $(git rev-parse --short HEAD 2> /dev/null || echo '?')"
  echo "# machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
  echo "# load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${PEERS_QUICK:-}" ]; then
    echo "# PEERS_QUICK: one step per peer and one short JMH iteration, a functional check only;"
    echo "# the times and ratios below are not measurements."
  fi
  python3 autograd-bench/peers.py table "$OUT/setup.json" "$OUT/jmh.json" \
    "$OUT/torch.json" "$OUT/jax.json" "$OUT/jax-1core.json" "$OUT/python.json"
} | tee "$OUT/table.md"
if [ -n "$RESULTS" ]; then
  cp "$OUT/table.md" "$RESULTS"
  echo "written to $RESULTS"
fi
