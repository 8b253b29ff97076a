"""Times DigitsClassifier (autograd, Java) and scikit-learn's MLPClassifier to a test accuracy.

Run through compare-sklearn.sh, which makes sure scikit-learn is installed. Both sides use the
split the Java side writes (--write-split), the same architecture, batch size, Adam learning rate
and no L2 penalty; each stops after the first epoch whose test accuracy reaches --target.

Each run starts one fresh process per side and trains in it REPEAT times from the same start
(the same split, initial weights and shuffles, so the same epochs and accuracy). The first
training is the cold figure (a new JVM, a new Python process; start-up, imports and data loading
before the clock); the later ones show the same process warmed up, as when a user trains several
models in one session (a parameter search, a notebook): the JVM's JIT compiles the training code
during the first trainings, Python has run scikit-learn's code paths once. The table prints the
1st, 2nd and last.

Each run also starts one more process per side that trains once, and times it from start to exit,
as a user who runs one command to train a model to the target waits for it: start-up (the JVM;
the Python interpreter), loading the code (the JVM's classes; Python's imports of numpy and
scikit-learn), loading the data set, the split, the standardisation, the training to the target
and the exit. This is the "one training, whole process" row.
"""
import argparse
import json
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
REPEAT = 10  # trainings per process: the first cold, the later ones warmer
REPORTED = {0: "1st (cold)", 1: "2nd", REPEAT - 1: f"{REPEAT}th (warm)"}


def run_java(args, split_file, repeat=REPEAT):
    """Runs the Java side once, training `repeat` times in one JVM; returns a list of (seconds to
    target, epochs, accuracy), one per training, and the process's seconds, start to exit."""
    cmd = (["java"] + shlex.split(args.java_opts) + ["-jar", args.jar, "digits", "--quiet",
           "--seed", str(args.seed), "--epochs", str(args.epochs), "--batch-size", str(BATCH),
           "--lr", str(LEARNING_RATE), "--hidden", str(HIDDEN),
           "--target-accuracy", str(args.target), "--write-split", split_file,
           "--repeat", str(repeat)]
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
    reached = re.findall(r"^(Reached|Did not reach) [\d.]+% test accuracy (?:at|by) epoch (\d+), "
                         r"([\d.]+) s$", out, re.M)
    accuracies = re.findall(r"^Test accuracy ([\d.]+)%", out, re.M)
    if len(reached) != repeat or len(accuracies) != repeat:
        sys.exit("unexpected DigitsClassifier output:\n" + out)
    if any(r[0] != "Reached" for r in reached):
        sys.exit(f"DigitsClassifier did not reach {args.target:.2%} in {args.epochs} epochs:\n"
                 + out)
    return [(float(r[2]), int(r[1]), float(a) / 100)
            for r, a in zip(reached, accuracies)], process


def read_split(split_file):
    rows = {}
    with open(split_file) as f:
        for line in f:
            name, values = line.split(":")
            rows[name.strip()] = np.array([int(v) for v in values.split(",")])
    return rows["train"], rows["test"]


def run_sklearn(args, split_file, repeat=REPEAT):
    """Runs the Python side once in a fresh process (this script with --sklearn-child), training
    `repeat` times in it; returns a list of (seconds to target, epochs, accuracy), one per
    training, and the process's seconds, start to exit."""
    cmd = [sys.executable, os.path.abspath(__file__), "--sklearn-child", split_file,
           "--seed", str(args.seed), "--target", str(args.target), "--epochs", str(args.epochs),
           "--repeat", str(repeat)]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    process = time.perf_counter() - start
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        sys.exit(f"compare-sklearn: error: the scikit-learn side exited with code"
                 f" {done.returncode}")
    return [tuple(r) for r in json.loads(done.stdout)], process


def sklearn_child(args):
    """Loads the data, then trains MLPClassifier args.repeat times from the same start, epoch by
    epoch; prints a JSON list of [seconds to target, epochs, accuracy], one per training. The
    module's imports (numpy, scikit-learn) run before this, at the process's start."""
    train_rows, test_rows = read_split(args.sklearn_child)
    x, y = load_digits(return_X_y=True)
    scaler = StandardScaler().fit(x[train_rows])
    x_train, y_train = scaler.transform(x[train_rows]), y[train_rows]
    x_test, y_test = scaler.transform(x[test_rows]), y[test_rows]
    classes = np.arange(10)
    results = []
    for _ in range(args.repeat):
        clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam",
                            alpha=0.0, batch_size=BATCH, learning_rate_init=LEARNING_RATE,
                            shuffle=True, random_state=args.seed)
        start = time.perf_counter()
        for epoch in range(1, args.epochs + 1):
            clf.partial_fit(x_train, y_train, classes=classes)
            accuracy = float((clf.predict(x_test) == y_test).mean())
            if accuracy >= args.target:
                results.append([time.perf_counter() - start, epoch, accuracy])
                break
        else:
            sys.exit(f"MLPClassifier did not reach {args.target:.2%} in {args.epochs} epochs")
    print(json.dumps(results))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--jar", help="the launcher jar (required unless --sklearn-child)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--target", type=float, default=0.96)
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--java-opts", default="")
    parser.add_argument("--engine", default="",
                        help="DigitsClassifier's engine flag: --replayed, --generated, --eager;"
                             " empty for the default (batched replay)")
    parser.add_argument("--sklearn-child", metavar="SPLIT_FILE",
                        help="internal: run the scikit-learn side in this process")
    parser.add_argument("--repeat", type=int, default=REPEAT,
                        help="internal, with --sklearn-child: trainings in this process")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    if args.sklearn_child:
        sklearn_child(args)
        return
    if not args.jar:
        parser.error("--jar is required")

    java, python, processes = [], [], []
    java_once, python_once = [], []  # (seconds to target, epochs, accuracy, whole process)
    with tempfile.TemporaryDirectory() as tmp:
        split_file = os.path.join(tmp, "split.txt")
        for _ in range(args.runs):
            trainings, process = run_java(args, split_file)
            java.append(trainings)
            processes.append(process)
            python.append(run_sklearn(args, split_file)[0])
            for run, into in ((run_java, java_once), (run_sklearn, python_once)):
                trainings, process = run(args, split_file, repeat=1)
                into.append(trainings[0] + (process,))
        train_rows, test_rows = read_split(split_file)

    print(f"digits: {len(train_rows)} training / {len(test_rows)} test images, seed {args.seed},"
          f" MLP 64-{HIDDEN}-10 ReLU, Adam lr {LEARNING_RATE}, batch {BATCH},"
          f" target {args.target:.2%}; median of {args.runs} runs, each a fresh process per side"
          f" training {REPEAT} times")
    print(f"load: {os.getloadavg()[0]:.2f} (1-minute average), {os.cpu_count()} cores;"
          f" scikit-learn {sklearn.__version__}, numpy {np.__version__}")
    print(f"java: {' '.join(['java'] + shlex.split(args.java_opts))} -jar {args.jar} digits"
          f" {args.engine or '(batched replay, the default engine)'}")
    print()
    print("| side | training in its process | epochs to target | test accuracy then"
          " | wall time to target |")
    print("|---|---|---|---|---|")
    engine = args.engine or "batched replay"
    ratios = []
    for i, name in REPORTED.items():
        java_time = statistics.median(r[i][0] for r in java)
        python_time = statistics.median(r[i][0] for r in python)
        ratios.append((name, java_time / python_time))
        print(f"| autograd DigitsClassifier (Java, {engine}) | {name} | {java[0][i][1]} |"
              f" {java[0][i][2]:.2%} | {java_time:.3f} s |")
        print(f"| scikit-learn MLPClassifier | {name} | {python[0][i][1]} |"
              f" {python[0][i][2]:.2%} | {python_time:.3f} s |")
    once = "one training, whole process (start to exit)"
    java_whole = statistics.median(r[3] for r in java_once)
    python_whole = statistics.median(r[3] for r in python_once)
    ratios.append((once, java_whole / python_whole))
    print(f"| autograd DigitsClassifier (Java, {engine}) | {once} | {java_once[0][1]} |"
          f" {java_once[0][2]:.2%} | {java_whole:.3f} s |")
    print(f"| scikit-learn MLPClassifier | {once} | {python_once[0][1]} |"
          f" {python_once[0][2]:.2%} | {python_whole:.3f} s |")
    print()
    print(f"Java process training {REPEAT} times, whole: {statistics.median(processes):.2f} s"
          f" (median)")
    print(f"In the one-training processes, the training itself took"
          f" {statistics.median(r[0] for r in java_once):.3f} s (Java) and"
          f" {statistics.median(r[0] for r in python_once):.3f} s (scikit-learn); the rest of"
          f" each process is start-up, loading the code and the data, and the exit")
    for name, ratio in ratios:
        print(f"ratio autograd / scikit-learn, {name}: {ratio:.2f}"
              f" ({'autograd faster' if ratio < 1 else 'scikit-learn faster'})")


if __name__ == "__main__":
    main()
