package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.examples.MoonsProblem;
import dev.autograd.nn.Mlp;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * One minibatch of per-example gradients added into the parameters' grads: the 100 moons points
 * of {@link MoonsProblem} ({@code nn.Mlp} 2 → 16 → 16 → 1, ReLU), each example's loss the hinge
 * {@code relu(1 - y * score)}. {@code eager} builds each example's graph and calls {@code
 * backwardAccumulate()}; {@code replayed} records one example's loss once with {@code (x1, x2,
 * y)} as input slots ({@code CompiledGraph.compile(loss, inputs)}) and calls {@code
 * accumulate(row)} per example — the same grads bit for bit ({@code CompiledGraphInputsTest}),
 * and with {@code -prof gc} it shows the replay allocates nothing.
 *
 * <p>The grads keep growing across invocations; the cost does not depend on them.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar '\.AccumulateBenchmark' -prof gc
 * </pre>
 */
public class AccumulateBenchmark extends BenchmarkDefaults {
  MoonsProblem problem;
  Mlp model;
  double[][] rows;
  CompiledGraph graph;

  /** Builds the problem from seed 1, the examples as rows {@code {x1, x2, y}}, and the record. */
  @Setup
  public void setUp() {
    problem = new MoonsProblem(1);
    model = problem.model();
    rows = new double[MoonsProblem.POINTS][];
    for (int i = 0; i < rows.length; i++) {
      List<Value> x = problem.inputs().get(i);
      rows[i] = new double[] {x.get(0).data(), x.get(1).data(), problem.labels().get(i).data()};
    }
    List<Value> slots = List.of(Value.of(rows[0][0]), Value.of(rows[0][1]), Value.of(rows[0][2]));
    graph = CompiledGraph.compile(exampleLoss(slots), slots);
  }

  /** Returns {@code relu(1 - y * score(x1, x2))} for the leaves {@code (x1, x2, y)}. */
  Value exampleLoss(List<Value> xy) {
    Value score = model.forwardScalar(xy.subList(0, 2));
    return Value.of(1.0).sub(score.mul(xy.get(2))).relu();
  }

  /** Returns the minibatch's summed loss after building and differentiating each example. */
  @Benchmark
  public double eager() {
    double total = 0;
    for (double[] row : rows) {
      Value loss = exampleLoss(List.of(Value.of(row[0]), Value.of(row[1]), Value.of(row[2])));
      loss.backwardAccumulate();
      total += loss.data();
    }
    return total;
  }

  /** Returns the minibatch's summed loss after replaying the record for each example. */
  @Benchmark
  public double replayed() {
    double total = 0;
    for (double[] row : rows) {
      total += graph.accumulate(row);
    }
    return total;
  }
}
