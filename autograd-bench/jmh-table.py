#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) into the README's markdown table and target ratios.

Usage: python3 autograd-bench/jmh-table.py result.json

Scores are medians of the measurement iterations. B/node divides gc.alloc.rate.norm (bytes
allocated per operation, from -prof gc) by the nodes each operation creates (eager) or replays
(compiled), as listed in NODES below and explained in the README.
"""
import json
import statistics
import sys

# Nodes per operation: created by eager forward passes, reachable for backward-only, replayed
# by compiled ones. Counts are derived in the README and checked by the bench tests.
NODES = {
    "DemoTwoStepBenchmark.naive": 503,
    "DemoTwoStepBenchmark.eager": 403,
    "DemoTwoStepBenchmark.compiled": 555,
    "DeepChainBenchmark.eagerForward": 1_000_000,
    "DeepChainBenchmark.eagerBackward": 1_000_002,
    "DeepChainBenchmark.eagerForwardBackward": 1_000_000,
    "DeepChainBenchmark.compiledForward": 1_000_002,
    "DeepChainBenchmark.compiledBackward": 1_000_002,
    "DeepChainBenchmark.compiledForwardBackward": 1_000_002,
    "NaiveDeepChainBenchmark.naiveForwardBackward": 1_000,
    "NaiveDeepChainBenchmark.eagerForwardBackward": 1_000,
    "WideSumBenchmark.eagerForward": 2_000_001,
    "WideSumBenchmark.eagerBackward": 4_000_001,
    "WideSumBenchmark.eagerForwardBackward": 2_000_001,
    "WideSumBenchmark.compiledForward": 4_000_001,
    "WideSumBenchmark.compiledBackward": 4_000_001,
    "WideSumBenchmark.compiledForwardBackward": 4_000_001,
    "MlpStepBenchmark.eagerForward": 71_203,
    "MlpStepBenchmark.eagerBackward": 71_740,
    "MlpStepBenchmark.eagerStep": 71_203,
    "MlpStepBenchmark.compiledForward": 71_740,
    "MlpStepBenchmark.compiledBackward": 71_740,
    "MlpStepBenchmark.compiledStep": 71_740,
}


def median(metric):
    return statistics.median(x for fork in metric["rawData"] for x in fork)


def main(path):
    rows = {}
    print("| benchmark | params | median | unit | B/op | B/node |")
    print("|---|---|---:|---|---:|---:|")
    for r in json.load(open(path)):
        name = r["benchmark"].replace("dev.autograd.bench.", "")
        params = ",".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        score = median(r["primaryMetric"])
        unit = r["primaryMetric"]["scoreUnit"]
        norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        bytes_op = median(norm) if norm else None
        nodes = NODES.get(name)
        per_node = f"{bytes_op / nodes:.3g}" if bytes_op is not None and nodes else "–"
        shown = f"{bytes_op:,.0f}" if bytes_op is not None else "–"
        print(f"| {name} | {params} | {score:.4g} | {unit} | {shown} | {per_node} |")
        rows[name] = (score, unit)

    def ms(name):
        score, unit = rows[name]
        return score * {"ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6}[unit]

    def ratio(label, value, op, target):
        met = value >= target if op == ">=" else value <= target
        print(f"- {label}: {value:.1f}x (target {op} {target}x) — {'met' if met else 'NOT met'}")

    print()
    d = "DemoTwoStepBenchmark."
    if all(d + k in rows for k in ("naive", "eager", "compiled", "handWritten")):
        ratio("naive / compiled demo-2 step", ms(d + "naive") / ms(d + "compiled"), ">=", 50)
        ratio("compiled / hand-written demo-2 step",
              ms(d + "compiled") / ms(d + "handWritten"), "<=", 25)
        ratio("naive / eager demo-2 step", ms(d + "naive") / ms(d + "eager"), ">=", 10)
    c = "DeepChainBenchmark."
    if c + "eagerForwardBackward" in rows and c + "compiledForwardBackward" in rows:
        ratio("eager / compiled 1M-deep chain forward+backward",
              ms(c + "eagerForwardBackward") / ms(c + "compiledForwardBackward"), "<=", 2)


if __name__ == "__main__":
    main(sys.argv[1])
