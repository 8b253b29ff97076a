package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;

/**
 * Demo 2 on a {@link CompiledGraph}: the loss graph of {@link EagerRegression} is built and
 * compiled once, then each step replays it (re-reading {@code w} and {@code b}) and updates.
 */
final class CompiledRegression implements RegressionStep {
  private final EagerRegression model;
  private final CompiledGraph graph;

  CompiledRegression(double w0, double b0) {
    model = new EagerRegression(w0, b0);
    graph = CompiledGraph.compile(model.loss());
  }

  /** Returns the number of nodes replayed per step. */
  int size() {
    return graph.size();
  }

  @Override
  public double step() {
    double loss = graph.forwardBackward();
    model.update();
    return loss;
  }

  @Override
  public double weight() {
    return model.weight();
  }

  @Override
  public double bias() {
    return model.bias();
  }

  @Override
  public double weightGrad() {
    return model.weightGrad();
  }

  @Override
  public double biasGrad() {
    return model.biasGrad();
  }
}
