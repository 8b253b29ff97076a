package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Hessians of random expression graphs (every op, reused nodes): symmetric, and equal to central
 * differences of the gradient, refined once by Richardson extrapolation, to a relative error of
 * {@code 1e-5} ({@code |analytic - numeric| / max(1, |analytic|, |numeric|)}, as {@link
 * GradCheck}). The gradient at the shifted points comes from replaying the compiled graph, so the
 * graph's structure is the same at every point. 2,000 graphs per build with a fixed seed; run with
 * {@code -Dautograd.seed=N} to explore others, {@code -Dautograd.examples=N} to run at most N.
 */
class GradientsProperties {
  private static final long SEED = Long.getLong("autograd.seed", 20261126L);
  private static final int EXAMPLES = Math.min(Integer.getInteger("autograd.examples", 2_000), 2_000);

  private static Gen<List<Integer>> programs() {
    return lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 25);
  }

  private static Gen<List<Double>> points() {
    return lists().of(doubles().between(-2.0, 2.0)).ofSizeBetween(1, 4);
  }

  @Test
  void hessiansAreSymmetricAndEqualDifferencesOfTheGradient() {
    qt().withFixedSeed(SEED + 2)
        .withExamples(EXAMPLES)
        .forAll(programs(), points())
        .checkAssert(
            (program, point) -> {
              RandomGraph graph = RandomGraph.build(program, point);
              List<Value> x = graph.leaves();
              double[][] h = Gradients.hessian(graph.output(), x);
              double[][] numeric = gradientDifferences(graph.output(), x);
              for (int i = 0; i < x.size(); i++) {
                for (int j = 0; j < x.size(); j++) {
                  int row = i;
                  int col = j;
                  assertTrue(error(h[i][j], h[j][i]) <= 1e-9,
                      () -> "asymmetric at " + row + "," + col + ": " + graph);
                  assertTrue(error(h[i][j], numeric[i][j]) <= 1e-5,
                      () -> "H[" + row + "][" + col + "] = " + h[row][col] + " but differences give "
                          + numeric[row][col] + ": " + graph);
                }
              }
            });
  }

  @Test
  void firstDerivativesFromOfEqualBackward() {
    qt().withFixedSeed(SEED + 3)
        .withExamples(EXAMPLES)
        .forAll(programs(), points())
        .checkAssert(
            (program, point) -> {
              RandomGraph graph = RandomGraph.build(program, point);
              List<Value> grads = Gradients.of(graph.output(), graph.leaves());
              graph.output().backward();
              for (int i = 0; i < grads.size(); i++) {
                assertEquals(graph.leaves().get(i).grad(), grads.get(i).data(), 0.0, graph::toString);
              }
            });
  }

  private static double error(double analytic, double numeric) {
    double scale = Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric)));
    return Math.abs(analytic - numeric) / scale;
  }

  /** Returns {@code numeric[i][j] = d/dx_i of d(output)/dx_j} by differences of replayed grads. */
  private static double[][] gradientDifferences(Value output, List<Value> x) {
    CompiledGraph compiled = CompiledGraph.compile(output);
    int n = x.size();
    double[][] numeric = new double[n][];
    for (int i = 0; i < n; i++) {
      Value xi = x.get(i);
      double x0 = xi.data();
      double h = 1e-4 * Math.max(1, Math.abs(x0));
      double[] plus = gradientAt(compiled, x, xi, x0 + h);
      double[] minus = gradientAt(compiled, x, xi, x0 - h);
      double[] plusHalf = gradientAt(compiled, x, xi, x0 + h / 2);
      double[] minusHalf = gradientAt(compiled, x, xi, x0 - h / 2);
      xi.setData(x0);
      numeric[i] = new double[n];
      for (int j = 0; j < n; j++) {
        double dh = (plus[j] - minus[j]) / (2 * h);
        double dh2 = (plusHalf[j] - minusHalf[j]) / h;
        numeric[i][j] = (4 * dh2 - dh) / 3;
      }
    }
    compiled.forwardBackward();
    return numeric;
  }

  private static double[] gradientAt(CompiledGraph compiled, List<Value> x, Value xi, double at) {
    xi.setData(at);
    compiled.forwardBackward();
    double[] g = new double[x.size()];
    for (int j = 0; j < g.length; j++) {
      g[j] = compiled.leaves().contains(x.get(j)) ? compiled.gradOf(x.get(j)) : 0.0;
    }
    return g;
  }
}
