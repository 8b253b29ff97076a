package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.data.Standardizer;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.BiasTrickLinear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiabetesRegressionTest {
  @TempDir Path dir;

  /** Returns the least-squares solution of {@code [x 1] beta = y}, by EJML's QR solver. */
  private static double[] leastSquares(double[][] x, double[] y) {
    int n = x.length;
    int m = x[0].length + 1;
    DMatrixRMaj a = new DMatrixRMaj(n, m);
    DMatrixRMaj b = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m - 1; j++) {
        a.set(i, j, x[i][j]);
      }
      a.set(i, m - 1, 1.0);
      b.set(i, 0, y[i]);
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(n, m);
    assertTrue(solver.setA(a), "full column rank");
    DMatrixRMaj beta = new DMatrixRMaj(m, 1);
    solver.solve(b, beta);
    return beta.getData();
  }

  @Test
  void trainedOnAllRowsToConvergenceTheCoefficientsAreTheLeastSquaresSolution() {
    Dataset all = Datasets.diabetes();
    Dataset x = Standardizer.fit(all).transform(all);
    double[] expected = leastSquares(x.features(), x.targets());
    BiasTrickLinear model = new BiasTrickLinear(10, 1, Activation.LINEAR, Init.XAVIER, new Random(1));
    // Full batch (gradient descent) with Nesterov momentum: converges linearly; 1500 epochs
    // bring every weight to the solution's 1e-6 relative.
    RegressionTraining.fit(model, x,
        new RegressionTraining.Config("sgd", 0.1, 1500, all.size(), 1), true);
    for (int j = 0; j < expected.length; j++) {
      double learned = model.parameters().get(j).data();
      assertEquals(expected[j], learned, 1e-6 * Math.abs(expected[j]),
          "weight " + j + " (" + (j < 10 ? all.featureNames().get(j) : "bias") + ")");
    }
  }

  @Test
  void aDefaultRunPrintsCoefficientsAndATestMseNearTheLeastSquaresFit() throws IOException {
    Run run = Run.of(DiabetesRegression::run, "--quiet", "--plot",
        dir.resolve("diabetes.png").toString());
    assertEquals(0, run.code(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals("Diabetes: 353 training rows, 89 test rows; sgd lr 0.01, 200 epochs,"
        + " minibatches of 32, seed 42", lines[0]);
    assertEquals("Coefficients (progression per standard deviation):", lines[1]);
    assertTrue(lines[2].matches("  age +-?\\d+\\.\\d{3}"), lines[2]);
    assertTrue(lines[12].matches("  bias +\\d+\\.\\d{3}"), lines[12]);
    assertTrue(lines[13].matches("Training MSE \\d+\\.\\d, test MSE \\d+\\.\\d \\(RMSE \\d+\\.\\d\\)"),
        lines[13]);
    double testMse = Double.parseDouble(lines[13].replaceAll(".*test MSE (\\S+) .*", "$1"));
    // Predicting the mean scores about 5900 (the variance of the target); this run gives 2570.
    assertTrue(testMse < 3500, "test MSE " + testMse);
    assertEquals("Wrote " + dir.resolve("diabetes.png"), lines[14]);
    assertTrue(Files.size(dir.resolve("diabetes.png")) > 10_000);
  }

  @Test
  void adamTrainsToo() {
    RegressionTraining.Result result = DiabetesRegression.train(
        new RegressionTraining.Config("adam", 0.5, 100, 32, 42), true);
    assertTrue(result.testMse() < 3500, "test MSE " + result.testMse());
  }

  @Test
  void badFlagsAreRejectedNamingTheValue() {
    String usage = Cli.usage(new DiabetesRegression());
    Run.of(DiabetesRegression::run, "--optimizer", "rmsprop").assertRejected(usage,
        "DiabetesRegression: error: --optimizer must be sgd or adam, got 'rmsprop'");
    Run.of(DiabetesRegression::run, "--lr", "-1").assertRejected(usage,
        "DiabetesRegression: error: --lr must be > 0, got '-1'");
    Run.of(DiabetesRegression::run, "--help").assertPrintedHelp(usage);
  }
}
