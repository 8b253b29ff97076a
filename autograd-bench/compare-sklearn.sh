#!/usr/bin/env bash
# Trains the digits classifier side by side, autograd's DigitsClassifier against scikit-learn's
# MLPClassifier, with the same architecture (64 -> 32 ReLU -> 10, softmax cross-entropy), the same
# stratified 80/20 split (the Java side writes its row numbers, Python reads them), the same
# standardisation (fitted on the training part), minibatches of 32, Adam at learning rate 0.01,
# no L2 penalty; each stops after the first epoch whose test accuracy reaches TARGET. Prints each
# side's wall time to that accuracy (training plus the test evaluation after each epoch, measured
# inside the process; start-up and data loading excluded) and the ratio, median of RUNS runs.
#
# Usage (from the repository root, after ./mvnw -B package -DskipTests):
#   autograd-bench/compare-sklearn.sh
# Installs scikit-learn into the virtual environment VENV with pip if it is missing there.
# Environment: VENV (default ~/.cache/autograd/sklearn-venv), RUNS (default 3), SEED (default 0),
#   TARGET (default 0.96), EPOCHS (at most, default 60), JAVA_OPTS, ENGINE (DigitsClassifier's
#   engine flag: --replayed, --generated or --eager; default empty, the batched replay).
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
