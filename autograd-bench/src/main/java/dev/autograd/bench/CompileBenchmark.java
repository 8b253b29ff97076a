package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

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
 *   <li>{@code mlp}: the sum of {@code max(1, size / 71,740)} moons-MLP losses ({@link MoonsMlp}: 2 →
 *       16 → 16 → 1, 100 points, 71,740 nodes each), all over one set of parameters.
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
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Thread)
public class CompileBenchmark {
  /** Nodes in one {@link MoonsMlp#loss()} graph (see the bench README's node table). */
  static final int MLP_LOSS_NODES = 71_740;

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
        MoonsMlp model = new MoonsMlp(1);
        List<Value> losses = new ArrayList<>();
        for (int k = 0; k < Math.max(1, size / MLP_LOSS_NODES); k++) {
          losses.add(model.loss());
        }
        graph = Value.sum(losses);
        leaf = model.parameters().get(0);
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
