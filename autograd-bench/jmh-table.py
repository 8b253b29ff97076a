#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) into the README's markdown table and target ratios.

Usage: python3 autograd-bench/jmh-table.py result.json

Scores are medians of the measurement iterations. B/node divides gc.alloc.rate.norm (bytes
allocated per operation, from -prof gc) by the nodes each operation creates (eager) or replays
(compiled), as nodes() below computes them from the benchmark's name and parameters.
"""
import json
import statistics
import sys

# Nodes per operation: created by eager forward passes, reachable for eager backward-only, replayed
# (a record's slots, a Value.dot node as its chain) by compiled and generated ones. Derived in the
# README's nodes table; JmhTableTest checks them against the benchmarks' own graphs.
DEMO_TWO = {"naive": 503, "eager": 253, "compiled": 555, "generated": 555}
MLP_L2_NODES = 678  # micrograd's L2 term at alpha > 0: 337 squares, 0, 337 adds, alpha, mul, add


def nodes(name, params):
    """Returns the nodes one operation of benchmark `name` with `params` works on, or None."""
    cls, _, method = name.partition(".")
    created = method.startswith(("eagerForward", "eagerStep", "naive")) or method == "eager"
    if cls == "DemoTwoStepBenchmark":
        return DEMO_TWO.get(method)
    if cls == "DeepChainBenchmark":
        depth = int(params["depth"])
        return depth if created else depth + 2
    if cls == "NaiveDeepChainBenchmark":
        return int(params["depth"])
    if cls == "WideSumBenchmark":
        size = int(params["size"])
        return 2 * size + 1 if created else 4 * size + 1
    if cls == "MlpStepBenchmark":
        l2 = MLP_L2_NODES if float(params.get("alpha", 0)) > 0 else 0
        if created:
            return 3_903 + l2
        return (4_540 if method == "eagerBackward" else 65_240) + l2
    return None


def median(metric):
    return statistics.median(x for fork in metric["rawData"] for x in fork)


def main(path):
    rows = {}
    print("| benchmark | params | median | unit | B/op | B/node |")
    print("|---|---|---:|---|---:|---:|")
    for r in json.load(open(path)):
        name = r["benchmark"].replace("dev.autograd.bench.", "")
        params_map = r.get("params") or {}
        params = ",".join(f"{k}={v}" for k, v in params_map.items())
        score = median(r["primaryMetric"])
        unit = r["primaryMetric"]["scoreUnit"]
        norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        bytes_op = median(norm) if norm else None
        count = nodes(name, params_map)
        per_node = f"{bytes_op / count:.3g}" if bytes_op is not None and count else "–"
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
