package dev.autograd.bench;

import dev.autograd.core.CompiledGraph;
import dev.autograd.examples.ReferenceRegression;
import dev.autograd.optim.Sgd;

/**
 * Demo 2 trained by the library itself: {@link ReferenceRegression}'s model and loss with {@link
 * Sgd} at the reference program's learning rate, either rebuilding the graph every step ({@link
 * #eager}, the reference program's loop, {@link ReferenceRegression#epoch}) or replaying it
 * ({@link #compiled}: recorded once, re-reading {@code w} and {@code b}).
 */
abstract class LibraryRegression implements RegressionStep {
  final ReferenceRegression problem;
  final Sgd optimizer;

  private LibraryRegression(double w0, double b0) {
    problem = new ReferenceRegression(w0, b0);
    optimizer = new Sgd(problem.model().parameters(), ReferenceRegression.LEARNING_RATE);
  }

  /** Returns demo 2 from {@code w0, b0}, its graph rebuilt every step. */
  static LibraryRegression eager(double w0, double b0) {
    return new LibraryRegression(w0, b0) {
      @Override
      public double step() {
        return problem.epoch(optimizer);
      }
    };
  }

  /** Returns demo 2 from {@code w0, b0}, its graph recorded once and replayed every step. */
  static LibraryRegression compiled(double w0, double b0) {
    return new LibraryRegression(w0, b0) {
      private final CompiledGraph graph = CompiledGraph.compile(problem.loss());

      @Override
      public double step() {
        optimizer.zeroGrad();
        double loss = graph.forwardBackward();
        optimizer.step();
        return loss;
      }
    };
  }

  @Override
  public double weight() {
    return problem.weight().data();
  }

  @Override
  public double bias() {
    return problem.bias().data();
  }

  @Override
  public double weightGrad() {
    return problem.weight().grad();
  }

  @Override
  public double biasGrad() {
    return problem.bias().grad();
  }
}
