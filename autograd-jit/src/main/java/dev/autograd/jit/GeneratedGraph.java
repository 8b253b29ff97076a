package dev.autograd.jit;

import static java.util.Objects.requireNonNull;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.RecordedGraph;
import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link CompiledGraph} whose replay is generated JVM bytecode: the record's forward and
 * backward passes emitted as straight-line code (one instruction sequence per node, no op
 * dispatch, no index arrays), in methods small enough for HotSpot to compile. Same contract and
 * same results as {@link CompiledGraph}, bit for bit: {@link #forward()} re-reads every leaf's
 * data and recomputes the output; {@link #backward()} writes every leaf's grad. Replays allocate
 * nothing.
 *
 * <p>Generating costs time (roughly a microsecond per node, plus the JIT compiling the generated
 * methods during the first replays) and code-cache memory (about 100 bytes of bytecode per node),
 * so graphs with more than {@code maxGeneratedNodes} interior nodes ({@value
 * #DEFAULT_MAX_GENERATED_NODES} by default) are not generated: they replay through {@link
 * CompiledGraph}'s interpreter, which {@link #isGenerated()} reports.
 *
 * <p>Valid only while the graph's structure is unchanged, as for {@link CompiledGraph}. Not
 * thread-safe: one instance replays on one thread at a time.
 */
public final class GeneratedGraph {
  /** Interior nodes above which {@link #compile(Value)} falls back to the interpreter. */
  public static final int DEFAULT_MAX_GENERATED_NODES = 20_000;

  private final CompiledGraph interpreter;
  private final ReplaySegment[] segments;
  private final Value[] leaves;
  private final double[] data;
  private final double[] grad;
  private final int size;

  private GeneratedGraph(CompiledGraph interpreter, int maxGeneratedNodes) {
    this.interpreter = interpreter;
    RecordedGraph record = interpreter.recorded();
    size = record.size();
    leaves = record.leaves().toArray(new Value[0]);
    boolean generate = size - leaves.length <= maxGeneratedNodes;
    segments = generate ? ReplayGenerator.generate(record) : null;
    data = generate ? new double[size] : null;
    grad = generate ? new double[size] : null;
    if (generate) {
      forward();
    }
  }

  /**
   * Records the graph that ends at {@code output} and generates its replay, unless it has more
   * than {@value #DEFAULT_MAX_GENERATED_NODES} interior nodes.
   *
   * @throws NullPointerException if {@code output} is null
   */
  public static GeneratedGraph compile(Value output) {
    return compile(output, DEFAULT_MAX_GENERATED_NODES);
  }

  /**
   * Records the graph that ends at {@code output} and generates its replay if it has at most
   * {@code maxGeneratedNodes} interior nodes; larger graphs replay through the interpreter.
   *
   * @throws NullPointerException if {@code output} is null
   * @throws IllegalArgumentException if {@code maxGeneratedNodes} is negative
   */
  public static GeneratedGraph compile(Value output, int maxGeneratedNodes) {
    requireNonNull(output, "output");
    if (maxGeneratedNodes < 0) {
      throw new IllegalArgumentException("maxGeneratedNodes must be >= 0: " + maxGeneratedNodes);
    }
    return new GeneratedGraph(CompiledGraph.compile(output), maxGeneratedNodes);
  }

  /** Returns whether replay runs generated code ({@code false}: the interpreter's fallback). */
  public boolean isGenerated() {
    return segments != null;
  }

  /** Returns the number of nodes recorded, leaves included. */
  public int size() {
    return size;
  }

  /** Returns the leaves the replay reads and writes, in recording order. */
  public List<Value> leaves() {
    return List.of(leaves);
  }

  /** Returns the output's value as of the last {@link #forward()}. */
  public double output() {
    return segments == null ? interpreter.output() : data[size - 1];
  }

  /**
   * Returns the output's derivative with respect to {@code node} as of the last {@link
   * #backward()}, for a leaf of the recorded graph (a linear search over the leaves).
   *
   * @throws NullPointerException if {@code node} is null
   * @throws IllegalArgumentException if {@code node} is not a leaf of this graph
   */
  public double gradOf(Value node) {
    if (segments == null) {
      return interpreter.gradOf(node);
    }
    requireNonNull(node, "node");
    for (int i = 0; i < leaves.length; i++) {
      if (leaves[i] == node) {
        return grad[i];
      }
    }
    throw new IllegalArgumentException("node " + node + " is not a leaf of this generated graph");
  }

  /** Re-reads every leaf's data, recomputes every node in recording order, returns the output. */
  public double forward() {
    if (segments == null) {
      return interpreter.forward();
    }
    final double[] d = data;
    final Value[] lv = leaves;
    for (int i = 0; i < lv.length; i++) {
      d[i] = lv[i].data();
    }
    for (ReplaySegment segment : segments) {
      segment.forward(d);
    }
    return d[size - 1];
  }

  /**
   * Sets every recorded grad to {@code 0}, the output's to {@code 1}, propagates in reverse
   * recording order using the data of the last {@link #forward()}, and writes each leaf's
   * gradient into its {@code grad}: the semantics of {@link Value#backward()}.
   */
  public void backward() {
    if (segments == null) {
      interpreter.backward();
      return;
    }
    final double[] g = grad;
    Arrays.fill(g, 0.0);
    g[size - 1] = 1.0;
    for (int k = segments.length - 1; k >= 0; k--) {
      segments[k].backward(data, g);
    }
    final Value[] lv = leaves;
    for (int i = 0; i < lv.length; i++) {
      lv[i].setGrad(g[i]);
    }
  }

  /** Runs {@link #forward()} then {@link #backward()} and returns the output. */
  public double forwardBackward() {
    double out = forward();
    backward();
    return out;
  }
}
