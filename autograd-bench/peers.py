"""Times one training step of micrograd's moons classifier and of the seed's demo 2 in other
frameworks ("peers"), from the exact start the Java engine uses, and tabulates them against the
engine's JMH figures from the same run. Run through peers.sh, which installs the peers and calls:

  python peers.py time PEER setup.json          # one peer: prints its losses and timings as JSON
  python3 peers.py table setup.json jmh.json peer.json...   # checks losses, prints the table

PEER is one of:
  torch   - PyTorch CPU tensors, float64, autograd + SGD under no_grad
  jax     - JAX, float64, the whole step (value_and_grad + SGD) under jax.jit
  python  - a pure-Python scalar engine: the reference program's own Value class (micrograd's
            design), imported from REFERENCE (default reference/reference.py), with a relu
            node added here for the hinge loss

Problems (setup.json, written by dev.autograd.bench.PeerSetup):
  moons     - 2 -> 16 -> 16 -> 1 perceptron, relu hidden layers, 100 points,
              mean hinge loss relu(1 - y * score), SGD with learning rate 0.01
  moonsL2   - the same plus micrograd's L2 term alpha * sum(p * p), alpha = 1e-4
  demo2     - the seed's demo 2: 50 points, prediction w x + b, mean squared error, SGD 1e-3
Each step computes the loss, its gradient and the SGD update; training goes on across steps.
"""
import json
import os
import statistics
import sys
import time

TOLERANCE = 1e-9
PROBLEMS = ("moons", "moonsL2", "demo2")


def time_steps(step, steps_per_round, rounds, warmup_rounds=1):
    """Returns (first loss, median seconds per step over rounds of steps_per_round steps)."""
    first = float(step())
    for _ in range(warmup_rounds):
        for _ in range(steps_per_round):
            step()
    per_step = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(steps_per_round):
            step()
        per_step.append((time.perf_counter() - start) / steps_per_round)
    return first, statistics.median(per_step)


# ---------------------------------------------------------------------------------------------
# PyTorch
# ---------------------------------------------------------------------------------------------
def torch_steps(setup):
    import torch

    torch.set_grad_enabled(True)
    f64 = torch.float64
    moons = setup["moons"]
    steps = {}

    def moons_step(alpha):
        weights = [torch.tensor([n[:-1] for n in layer], dtype=f64, requires_grad=True)
                   for layer in moons["neurons"]]
        biases = [torch.tensor([n[-1] for n in layer], dtype=f64, requires_grad=True)
                  for layer in moons["neurons"]]
        params = weights + biases
        x = torch.tensor(moons["points"], dtype=f64)
        y = torch.tensor(moons["labels"], dtype=f64)
        lr = moons["learningRate"]

        def step():
            h = x
            for i, (w, b) in enumerate(zip(weights, biases)):
                h = h @ w.t() + b
                if i < len(weights) - 1:
                    h = torch.relu(h)
            loss = torch.relu(1 - y * h[:, 0]).mean()
            if alpha:
                loss = loss + alpha * sum((p * p).sum() for p in params)
            loss.backward()
            with torch.no_grad():
                for p in params:
                    p -= lr * p.grad
                    p.grad = None
            return loss.item()
        return step

    steps["moons"] = moons_step(0.0)
    steps["moonsL2"] = moons_step(moons["alpha"])
    demo = setup["demo2"]
    w = torch.tensor(demo["w0"], dtype=f64, requires_grad=True)
    b = torch.tensor(demo["b0"], dtype=f64, requires_grad=True)
    xs = torch.tensor(demo["inputs"], dtype=f64)
    ys = torch.tensor(demo["targets"], dtype=f64)

    def demo_step():
        loss = ((xs * w + b - ys) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            for p in (w, b):
                p -= demo["learningRate"] * p.grad
                p.grad = None
        return loss.item()
    steps["demo2"] = demo_step
    return steps, "torch %s, %d threads" % (torch.__version__, torch.get_num_threads())


# ---------------------------------------------------------------------------------------------
# JAX
# ---------------------------------------------------------------------------------------------
def jax_steps(setup):
    import jax

    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp

    moons = setup["moons"]
    steps = {}

    def moons_step(alpha):
        params = [(jnp.array([n[:-1] for n in layer]), jnp.array([n[-1] for n in layer]))
                  for layer in moons["neurons"]]
        x = jnp.array(moons["points"])
        y = jnp.array(moons["labels"])
        lr = moons["learningRate"]

        def loss_fn(ps):
            h = x
            for i, (w, b) in enumerate(ps):
                h = h @ w.T + b
                if i < len(ps) - 1:
                    h = jax.nn.relu(h)
            loss = jnp.mean(jax.nn.relu(1 - y * h[:, 0]))
            if alpha:
                loss = loss + alpha * sum(jnp.sum(w * w) + jnp.sum(b * b) for w, b in ps)
            return loss

        @jax.jit
        def update(ps):
            loss, grads = jax.value_and_grad(loss_fn)(ps)
            return jax.tree_util.tree_map(lambda p, g: p - lr * g, ps, grads), loss

        state = [params]

        def step():
            state[0], loss = update(state[0])
            return loss.block_until_ready()
        return step

    steps["moons"] = moons_step(0.0)
    steps["moonsL2"] = moons_step(moons["alpha"])
    demo = setup["demo2"]
    xs = jnp.array(demo["inputs"])
    ys = jnp.array(demo["targets"])
    lr = demo["learningRate"]

    def demo_loss(wb):
        return jnp.mean((xs * wb[0] + wb[1] - ys) ** 2)

    @jax.jit
    def demo_update(wb):
        loss, grads = jax.value_and_grad(demo_loss)(wb)
        return (wb[0] - lr * grads[0], wb[1] - lr * grads[1]), loss

    demo_state = [(jnp.array(demo["w0"]), jnp.array(demo["b0"]))]

    def demo_step():
        demo_state[0], loss = demo_update(demo_state[0])
        return loss.block_until_ready()
    steps["demo2"] = demo_step
    return steps, "jax %s, %s" % (jax.__version__, jax.devices()[0].platform)


# ---------------------------------------------------------------------------------------------
# The reference program's scalar Value (micrograd's design)
# ---------------------------------------------------------------------------------------------
def python_steps(setup):
    import importlib.util

    path = os.environ.get("REFERENCE", os.path.join(os.path.dirname(__file__), "..", "..",
                                                    "shared", "seed", "reference.py"))
    if not os.path.exists(path):
        raise ImportError("reference program not found at %s (set REFERENCE=...)" % path)
    spec = importlib.util.spec_from_file_location("reference", path)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    Value = reference.Value
    sys.setrecursionlimit(100000)

    def relu(v):
        out = Value(0.0 if v.data < 0 else v.data, (v,), "ReLU")

        def _backward():
            v.grad += (out.data > 0) * out.grad
        out._backward = _backward
        return out

    moons = setup["moons"]
    steps = {}

    def moons_step(alpha):
        layers = [[[Value(c) for c in n] for n in layer] for layer in moons["neurons"]]
        params = [p for layer in layers for n in layer for p in n]
        points = [[Value(c) for c in pt] for pt in moons["points"]]
        lr = moons["learningRate"]

        def score(x):
            for i, layer in enumerate(layers):
                x = [sum((wi * xi for wi, xi in zip(n[:-1], x)), n[-1]) for n in layer]
                if i < len(layers) - 1:
                    x = [relu(a) for a in x]
            return x[0]

        def step():
            losses = [relu(1 + -yi * score(x)) for x, yi in zip(points, moons["labels"])]
            loss = sum(losses) * (1.0 / len(losses))
            if alpha:
                loss = loss + alpha * sum(p * p for p in params)
            loss.backward()
            for p in params:
                p.data -= lr * p.grad
            return loss.data
        return step

    steps["moons"] = moons_step(0.0)
    steps["moonsL2"] = moons_step(moons["alpha"])
    demo = setup["demo2"]
    x_biased = [[Value(x), Value(1.0)] for x in demo["inputs"]]
    y_true = [Value(y) for y in demo["targets"]]
    w = Value(demo["w0"])
    b = Value(demo["b0"])

    def demo_step():
        preds = [reference.dot(xv, [w, b]) for xv in x_biased]
        losses = [(yp - yt) ** 2 for yp, yt in zip(preds, y_true)]
        mean_loss = sum(losses, Value(0.0)) * (1.0 / len(losses))
        for p in (w, b):
            p.grad = 0.0
        mean_loss.backward()
        for p in (w, b):
            p.data -= demo["learningRate"] * p.grad
        return mean_loss.data
    steps["demo2"] = demo_step
    return steps, "reference.py Value on %s %s" % (sys.implementation.name,
                                                  ".".join(map(str, sys.version_info[:3])))


PEERS = {"torch": ("PyTorch CPU tensors", torch_steps),
         "jax": ("JAX jit, float64", jax_steps),
         # The same program with its process pinned to one core (peers.sh runs it under
         # `taskset -c 0`): on an otherwise idle machine, XLA's hand-offs between threads cost
         # more than they save on these small steps, so this is JAX's fastest configuration here.
         "jax-1core": ("JAX jit, float64, pinned to one core", jax_steps),
         "python": ("Python scalar engine (reference.py Value)", python_steps)}

# (steps per round, rounds) per peer: a round lasts about 0.1-2 s here.
BUDGET = {"torch": {"moons": (200, 7), "moonsL2": (200, 7), "demo2": (2000, 7)},
          "jax-1core": {"moons": (2000, 7), "moonsL2": (2000, 7), "demo2": (5000, 7)},
          "jax": {"moons": (2000, 7), "moonsL2": (2000, 7), "demo2": (5000, 7)},
          "python": {"moons": (1, 5), "moonsL2": (1, 5), "demo2": (20, 5)}}
if os.environ.get("PEERS_QUICK"):  # a functional check only: one short round each
    BUDGET = {peer: {problem: (1, 1) for problem in PROBLEMS} for peer in BUDGET}


def time_peer(name, setup_path):
    setup = json.load(open(setup_path))
    try:
        steps, version = PEERS[name][1](setup)
    except ImportError as e:
        print(json.dumps({"peer": name, "skipped": "cannot import: %s" % e}))
        return
    result = {"peer": name, "version": version, "problems": {}}
    for problem in PROBLEMS:
        first, seconds = time_steps(steps[problem], *BUDGET[name][problem])
        result["problems"][problem] = {"loss": first, "us": seconds * 1e6}
    print(json.dumps(result))


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------
AUTOGRAD = {  # problem -> (label, JMH benchmark, its parameters)
    "moons": [("autograd eager", "MlpStepBenchmark.eagerStep", {"alpha": "0"}),
              ("autograd compiled", "MlpStepBenchmark.compiledStep", {"alpha": "0"}),
              ("autograd generated", "MlpStepBenchmark.generatedStep", {"alpha": "0"}),
              ("autograd per-example generated, 1 thread", "MinibatchStepBenchmark.step",
               {"threads": "1"}),
              ("autograd per-example generated, 2 threads", "MinibatchStepBenchmark.step",
               {"threads": "2"}),
              ("autograd per-example batched replay", "MoonsBatchedStepBenchmark.batchedStep",
               {"alpha": "0", "lanes": "100"})],
    "moonsL2": [("autograd eager", "MlpStepBenchmark.eagerStep", {"alpha": "1e-4"}),
                ("autograd compiled", "MlpStepBenchmark.compiledStep", {"alpha": "1e-4"}),
                ("autograd generated", "MlpStepBenchmark.generatedStep", {"alpha": "1e-4"}),
                ("autograd per-example batched replay", "MoonsBatchedStepBenchmark.batchedStep",
                 {"alpha": "1e-4", "lanes": "100"})],
    "demo2": [("autograd eager", "DemoTwoStepBenchmark.eager", {}),
              ("autograd compiled", "DemoTwoStepBenchmark.compiled", {}),
              ("autograd generated", "DemoTwoStepBenchmark.generated", {}),
              ("hand-written doubles (floor)", "DemoTwoStepBenchmark.handWritten", {}),
              ("naive Java port of the reference Value", "DemoTwoStepBenchmark.naive", {})],
}
TITLES = {"moons": "moons MLP step (2-16-16-1, 100 points, hinge, SGD)",
          "moonsL2": "moons MLP step with micrograd's L2 term (alpha = 1e-4)",
          "demo2": "demo-2 step (50 points, MSE, SGD)"}


def jmh_key(bench, params):
    """The key of a JMH result: its "Class.method" and its parameters, in a fixed order."""
    return bench, tuple(sorted(params.items()))


def jmh_medians(path):
    medians = {}
    for run in json.load(open(path)):
        name = run["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        params = run.get("params", {})
        raw = [x for fork in run["primaryMetric"]["rawData"] for x in fork]
        scale = {"us/op": 1.0, "ms/op": 1e3, "ns/op": 1e-3}[run["primaryMetric"]["scoreUnit"]]
        medians[jmh_key(key, params)] = statistics.median(raw) * scale
    return medians


def table(setup_path, jmh_path, peer_paths):
    setup = json.load(open(setup_path))
    medians = jmh_medians(jmh_path)
    peers = [json.load(open(p)) for p in peer_paths]
    expected = {"moons": setup["moons"]["loss"], "moonsL2": setup["moons"]["lossL2"],
                "demo2": setup["demo2"]["loss"]}
    failures = []
    out = []
    for peer in peers:
        if "skipped" in peer:
            out.append("note: %s skipped (%s)" % (peer["peer"], peer["skipped"]))
    for problem in PROBLEMS:
        rows = []
        for label, bench, params in AUTOGRAD[problem]:
            key = jmh_key(bench, params)
            if key in medians:
                rows.append((label, medians[key], "JMH median", expected[problem]))
        _, bench, params = AUTOGRAD[problem][1]
        compiled = medians.get(jmh_key(bench, params))
        for peer in peers:
            if "skipped" in peer:
                continue
            r = peer["problems"][problem]
            rows.append((PEERS[peer["peer"]][0], r["us"], peer["version"], r["loss"]))
            if abs(r["loss"] - expected[problem]) > TOLERANCE:
                failures.append("%s %s: step-0 loss %r, engine %r" % (
                    peer["peer"], problem, r["loss"], expected[problem]))
        out.append("")
        out.append("### %s — step-0 loss %r" % (TITLES[problem], expected[problem]))
        out.append("")
        out.append("| implementation | µs per step | time / autograd compiled | |")
        out.append("|---|---:|---:|---|")
        for label, us, how, _ in sorted(rows, key=lambda r: r[1]):
            ratio = "%.2f" % (us / compiled) if compiled else "–"
            out.append("| %s | %s | %s | %s |" % (label, format_us(us), ratio, how))
    out.extend(targets(medians, peers))
    print("\n".join(out))
    if failures:
        print("\nSTEP-0 LOSSES DIFFER BY MORE THAN %g:\n  %s" % (TOLERANCE, "\n  ".join(failures)))
        sys.exit(1)
    print("\nAll peers' step-0 losses equal the engine's to %g." % TOLERANCE)


def targets(medians, peers):
    """Issue 14's targets, each a ratio of two figures of this run (lines for the table)."""
    def jmh(bench, **params):
        return medians.get(jmh_key(bench, params))

    def peer(name, problem):
        for p in peers:
            if p["peer"] == name and "skipped" not in p:
                return p["problems"][problem]["us"]
        return None

    jax_best = min(x for x in [peer("jax", "moons"), peer("jax-1core", "moons"), float("inf")]
                   if x is not None)
    fastest_compiled = min(x for x in [
        jmh("MlpStepBenchmark.compiledStep", alpha="0"),
        jmh("MinibatchStepBenchmark.step", threads="1"),
        jmh("MinibatchStepBenchmark.step", threads="2"),
        jmh("MoonsBatchedStepBenchmark.batchedStep", alpha="0", lanes="100"),
        float("inf")] if x is not None)
    threads1 = jmh("ThreadedDigitsEpochBenchmark.epoch", threads="1")
    threads2 = jmh("ThreadedDigitsEpochBenchmark.epoch", threads="2")
    rows = [
        ("moons step, fastest compiled autograd: JAX jit (default threads) time / ours", "≥ 1.5",
         peer("jax", "moons"), fastest_compiled),
        ("moons step, fastest compiled autograd: JAX jit (its faster of default and one core)"
         " time / ours", "≥ 1.5", jax_best if jax_best != float("inf") else None,
         fastest_compiled),
        ("moons step, eager: PyTorch time / ours", "≥ 1",
         peer("torch", "moons"), jmh("MlpStepBenchmark.eagerStep", alpha="0")),
        ("demo-2 step, generated: ours / hand-written floor", "≤ 8",
         jmh("DemoTwoStepBenchmark.generated"), jmh("DemoTwoStepBenchmark.handWritten")),
        ("demo-2 step, eager: naive port / ours", "≥ 10",
         jmh("DemoTwoStepBenchmark.naive"), jmh("DemoTwoStepBenchmark.eager")),
        ("digits epoch: 1 thread / 2 threads (generated per-example replay)", "≥ 1.8",
         threads1, threads2),
    ]
    out = ["", "### Issue 14's targets in this run", "",
           "| ratio | target | this run |", "|---|---:|---:|"]
    for label, goal, num, den in rows:
        value = "%.2f" % (num / den) if num and den and den != float("inf") else "not measured"
        out.append("| %s | %s | %s |" % (label, goal, value))
    return out


def format_us(us):
    return "{:,.0f}".format(us) if us >= 100 else "%.3g" % us


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "time":
        time_peer(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3], sys.argv[4:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
