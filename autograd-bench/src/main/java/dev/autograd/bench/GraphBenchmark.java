package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * One graph measured six ways, eager and compiled, forward and backward separately and together;
 * a subclass says only how to build its graph ({@link #build()}) and which leaf's grad to return
 * ({@link #probe()}), as JMH's Sample_24 shares benchmark bodies through an abstract class.
 *
 * <p>The {@code *Forward} and {@code *Backward} methods reuse the graph built in {@link #setUp()}
 * ({@code backward()} is idempotent); {@code eagerForwardBackward} builds a fresh graph each call,
 * as training does. Each method returns its result so that the work cannot be optimised away.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 */
public abstract class GraphBenchmark extends BenchmarkDefaults {
  /** The graph built once in {@link #setUp()}. */
  Value graph;

  /** Its replay. */
  CompiledGraph compiled;

  /** Creates the leaves (whatever {@link #build()} reads), then builds and compiles one graph. */
  @Setup
  public void setUp() {
    createLeaves();
    graph = build();
    compiled = CompiledGraph.compile(graph);
  }

  /** Creates the leaves {@link #build()} reads; called once per trial, before it. */
  abstract void createLeaves();

  /** Returns a newly built graph over the leaves. */
  abstract Value build();

  /** Returns the leaf whose grad the backward methods return. */
  abstract Value probe();

  /** Returns a freshly built graph (the eager forward pass). */
  @Benchmark
  public Value eagerForward() {
    return build();
  }

  /** Returns the probe's grad after {@code backward()} on the graph built in setup. */
  @Benchmark
  public double eagerBackward() {
    graph.backward();
    return probe().grad();
  }

  /** Returns the probe's grad after building a fresh graph and calling {@code backward()}. */
  @Benchmark
  public double eagerForwardBackward() {
    build().backward();
    return probe().grad();
  }

  /** Returns the output of one compiled forward replay. */
  @Benchmark
  public double compiledForward() {
    return compiled.forward();
  }

  /** Returns the probe's grad after one compiled backward replay. */
  @Benchmark
  public double compiledBackward() {
    compiled.backward();
    return probe().grad();
  }

  /** Returns the probe's grad after one compiled forward and backward replay. */
  @Benchmark
  public double compiledForwardBackward() {
    compiled.forwardBackward();
    return probe().grad();
  }
}
