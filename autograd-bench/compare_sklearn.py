"""Times DigitsClassifier (autograd, Java) and scikit-learn's MLPClassifier to a test accuracy.

Run through compare-sklearn.sh, which makes sure scikit-learn is installed. Both sides use the
split the Java side writes (--write-split), the same architecture, batch size, Adam learning rate
and no L2 penalty; each stops after the first epoch whose test accuracy reaches --target.
"""
import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

BATCH = 32
LEARNING_RATE = 0.01
HIDDEN = 32


def run_java(args, split_file):
    """Runs the Java side once; returns (seconds to target, epochs, accuracy, process seconds)."""
    cmd = (["java"] + shlex.split(args.java_opts) + ["-jar", args.jar, "digits", "--quiet",
           "--seed", str(args.seed), "--epochs", str(args.epochs), "--batch-size", str(BATCH),
           "--lr", str(LEARNING_RATE), "--hidden", str(HIDDEN),
           "--target-accuracy", str(args.target), "--write-split", split_file]
           + shlex.split(args.engine))
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    process = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        print(f"compare-sklearn: error: the Java side exited with code {done.returncode}: "
              + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr)
        sys.exit(2)
    out = done.stdout
    m = re.search(r"^(Reached|Did not reach) [\d.]+% test accuracy (?:at|by) epoch (\d+), "
                  r"([\d.]+) s$", out, re.M)
    acc = re.search(r"^Test accuracy ([\d.]+)%", out, re.M)
    if not m or not acc:
        sys.exit("unexpected DigitsClassifier output:\n" + out)
    if m.group(1) != "Reached":
        sys.exit(f"DigitsClassifier did not reach {args.target:.2%} in {args.epochs} epochs:\n"
                 + out)
    return float(m.group(3)), int(m.group(2)), float(acc.group(1)) / 100, process


def read_split(split_file):
    rows = {}
    with open(split_file) as f:
        for line in f:
            name, values = line.split(":")
            rows[name.strip()] = np.array([int(v) for v in values.split(",")])
    return rows["train"], rows["test"]


def run_sklearn(args, train_rows, test_rows):
    """Trains MLPClassifier epoch by epoch; returns (seconds to target, epochs, accuracy)."""
    x, y = load_digits(return_X_y=True)
    scaler = StandardScaler().fit(x[train_rows])
    x_train, y_train = scaler.transform(x[train_rows]), y[train_rows]
    x_test, y_test = scaler.transform(x[test_rows]), y[test_rows]
    clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam",
                        alpha=0.0, batch_size=BATCH, learning_rate_init=LEARNING_RATE,
                        shuffle=True, random_state=args.seed)
    classes = np.arange(10)
    start = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        clf.partial_fit(x_train, y_train, classes=classes)
        accuracy = float((clf.predict(x_test) == y_test).mean())
        if accuracy >= args.target:
            return time.perf_counter() - start, epoch, accuracy
    sys.exit(f"MLPClassifier did not reach {args.target:.2%} in {args.epochs} epochs")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jar", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--target", type=float, default=0.96)
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--engine", default="",
                        help="DigitsClassifier's engine flag: --replayed, --generated, --eager;"
                             " empty for the default (batched replay)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)

    java, python = [], []
    with tempfile.TemporaryDirectory() as tmp:
        split_file = os.path.join(tmp, "split.txt")
        for _ in range(args.runs):
            java.append(run_java(args, split_file))
            train_rows, test_rows = read_split(split_file)
            python.append(run_sklearn(args, train_rows, test_rows))

    java_time = statistics.median(r[0] for r in java)
    python_time = statistics.median(r[0] for r in python)
    print(f"digits: {len(train_rows)} training / {len(test_rows)} test images, seed {args.seed},"
          f" MLP 64-{HIDDEN}-10 ReLU, Adam lr {LEARNING_RATE}, batch {BATCH},"
          f" target {args.target:.2%}; median of {args.runs} runs")
    print(f"load: {os.getloadavg()[0]:.2f} (1-minute average), {os.cpu_count()} cores;"
          f" scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    print(f"java: {' '.join(['java'] + shlex.split(args.java_opts))} -jar {args.jar} digits"
          f" {args.engine or '(batched replay, the default engine)'}")
    print()
    print("| side | epochs to target | test accuracy then | wall time to target | whole process |")
    print("|---|---|---|---|---|")
    java_process = statistics.median(r[3] for r in java)
    engine = args.engine or "batched replay"
    print(f"| autograd DigitsClassifier (Java, {engine}) | {java[0][1]} | {java[0][2]:.2%} |"
          f" {java_time:.3f} s | {java_process:.2f} s |")
    print(f"| scikit-learn MLPClassifier | {python[0][1]} | {python[0][2]:.2%} |"
          f" {python_time:.3f} s | (in-process) |")
    print()
    print(f"ratio autograd / scikit-learn: {java_time / python_time:.2f}"
          f" ({'autograd faster' if java_time < python_time else 'scikit-learn faster'})")


if __name__ == "__main__":
    main()
