package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.examples.MoonsProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The cost of recording a graph ({@code CompiledGraph.compile}) against one eager {@code
 * backward()} of the same graph, for three shapes of about {@code size} nodes each, built once in
 * {@link #setUp()}. The target is {@code compile <= 4 * eagerBackward} at {@code size =
 * 10^6}; both come from the same run, so their ratio does not depend on the machine's load.
 *
 * <ul>
 *   <li>{@code chain}: {@code y = x * w * w * ... * w}, {@code size} multiplications;
 *   <li>{@code sum}: {@code Value.sum} of {@code size / 4} products {@code a_i * b_i} (each product
 *       adds its two leaves, itself and one addition: 4 nodes);
 *   <li>{@code mlp}: the sum of {@code max(1, size / n)} moons losses ({@link MoonsProblem}: {@code
 *       nn.Mlp} 2 → 16 → 16 → 1, 100 points, hinge loss; {@code n} nodes each), all over one model's
 *       parameters.
 * </ul>
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar '\.CompileBenchmark' -prof gc
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class CompileBenchmark extends BenchmarkDefaults {

  @Param({"chain", "sum", "mlp"})
  String shape;

  @Param({"1000000"})
  int size;

  Value graph;
  Value leaf;

  /** Builds the graph of the chosen shape once. */
  @Setup
  public void setUp() {
    switch (shape) {
      case "chain":
        leaf = Value.of(1.0, "w");
        Value y = Value.of(0.5, "x");
        for (int i = 0; i < size; i++) {
          y = y.mul(leaf);
        }
        graph = y;
        break;
      case "sum":
        List<Value> products = new ArrayList<>(size / 4);
        for (int i = 0; i < size / 4; i++) {
          Value a = Value.of((double) i / size);
          products.add(a.mul(Value.of(1.0 - (double) i / size)));
          leaf = leaf == null ? a : leaf;
        }
        graph = Value.sum(products);
        break;
      case "mlp":
        MoonsProblem problem = new MoonsProblem(1);
        int perLoss = CompiledGraph.compile(problem.loss(0)).size();
        List<Value> losses = new ArrayList<>();
        for (int k = 0; k < Math.max(1, size / perLoss); k++) {
          losses.add(problem.loss(0));
        }
        graph = Value.sum(losses);
        leaf = problem.model().parameters().get(0);
        break;
      default:
        throw new IllegalArgumentException("unknown shape " + shape);
    }
  }

  /** Records the graph and returns the record. */
  @Benchmark
  public CompiledGraph compile() {
    return CompiledGraph.compile(graph);
  }

  /** Returns the first leaf's grad after one {@code backward()} of the same graph. */
  @Benchmark
  public double eagerBackward() {
    graph.backward();
    return leaf.grad();
  }
}
