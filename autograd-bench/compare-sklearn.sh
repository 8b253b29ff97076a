#!/usr/bin/env bash
# Trains the digits classifier side by side, autograd's DigitsClassifier against scikit-learn's
# MLPClassifier, with the same architecture (64 -> 32 ReLU -> 10, softmax cross-entropy), the same
# stratified 80/20 split (the Java side writes its row numbers, Python reads them), the same
# standardisation (fitted on the training part), minibatches of 32, Adam at learning rate 0.01,
# no L2 penalty; each stops after the first epoch whose test accuracy reaches TARGET. Prints each
# side's wall time to that accuracy, measured inside its own process, and the ratio, median of
# RUNS runs.
#
# Each run starts one fresh process per side (java -jar ... digits --repeat 10; this script's
# Python with --sklearn-child) that trains 10 times from the same start. The table shows the 1st
# training (cold: a new JVM runs our code interpreted and JIT-compiles it meanwhile; a new Python
# process runs scikit-learn's code paths for the first time), the 2nd, and the 10th (warm: as
# when a user trains several models in one session, a parameter search or a notebook). Each run
# also starts one more process per side that trains once (java -jar ... digits; the child with
# --repeat 1), timed from its start to its exit: what a user who runs one command to train a model
# waits for (JVM start-up and class loading; Python start-up and its imports of numpy and
# scikit-learn; loading the data; training; exit). That is the "one training, whole process" row.
#
# What each side's clock covers (the same work on both sides):
#   inside  - drawing the initial weights and making the optimizer's state (Java: building the
#             Mlp and Adam; scikit-learn: in its first partial_fit), the target encoding (Java:
#             one-hot rows; scikit-learn: its label binarizer), checking the training rows,
#             every epoch (shuffle, minibatches, forward, backward, Adam step; Java also records
#             the example graph, on the first minibatch) and the test accuracy after each
#             epoch (Java: Mlp.predict on each test row; scikit-learn: predict on the test
#             matrix); Java also prints one line per epoch.
#             Whatever the JVM does meanwhile (interpreting, JIT compiling, loading the classes
#             first used by training) is inside Java's clock.
#   outside - starting the process (JVM start-up; Python start-up and imports, which load
#             scikit-learn's modules), loading the data set, the split, the standardisation,
#             configuring the learner (scikit-learn: constructing MLPClassifier, which only
#             stores its settings; Java: configuring the Trainer), printing Java's header line.
# Java's clock is two stretches (building the Mlp and Adam; then fit), the header line between
# them untimed. The table also shows the whole Java process (start-up included).
#
# Usage (from the repository root, after ./mvnw -B package -DskipTests):
#   autograd-bench/compare-sklearn.sh
# Installs scikit-learn into the virtual environment VENV with pip if it is missing there.
# Environment: VENV (default ~/.cache/autograd/sklearn-venv), RUNS (default 3), SEED (default 0),
#   TARGET (default 0.96), EPOCHS (at most, default 60), JAVA_OPTS, ENGINE (DigitsClassifier's
#   engine flag: --replayed, --generated or --eager; default empty, the batched replay).
# The default compares plain `java -jar`. JAVA_OPTS="-XX:TieredStopAtLevel=1
# -XX:CompileThresholdScaling=0.1" (C1 only, compiling early) is a user's choice for short runs
# like this one (slower for long ones): measured in autograd-bench/results-2026-11-30-cold.md.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-$HOME/.cache/autograd/sklearn-venv}
JAR=autograd-examples/target/autograd-examples.jar
[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
if ! "$VENV/bin/python" -c 'import sklearn' 2> /dev/null; then
  echo "installing scikit-learn into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet scikit-learn
fi
exec "$VENV/bin/python" autograd-bench/compare_sklearn.py --jar "$JAR" --runs "${RUNS:-3}" \
  --seed "${SEED:-0}" --target "${TARGET:-0.96}" --epochs "${EPOCHS:-60}" \
  --java-opts="${JAVA_OPTS:-}" --engine="${ENGINE:-}"
