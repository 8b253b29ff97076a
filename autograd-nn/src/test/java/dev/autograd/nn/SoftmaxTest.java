package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.GradCheck;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
  private static double[] data(List<Value> values) {
    return values.stream().mapToDouble(Value::data).toArray();
  }

  /** A scalar that depends on every output with a different weight, so no gradient cancels. */
  private static Value weighted(List<Value> outputs) {
    List<Value> terms = new ArrayList<>();
    for (int k = 0; k < outputs.size(); k++) {
      terms.add(outputs.get(k).mul(k + 0.5));
    }
    return Value.sum(terms);
  }

  @Test
  void softmaxOfOneTwoThreeIsTheTextbookValue() {
    // e^k / (e + e^2 + e^3) for k = 1, 2, 3
    double total = Math.exp(1) + Math.exp(2) + Math.exp(3);
    assertArrayEquals(new double[] {Math.exp(1) / total, Math.exp(2) / total,
        Math.exp(3) / total}, data(Softmax.softmax(Vectors.leaves(1, 2, 3))), 1e-15);
    assertArrayEquals(new double[] {1 - Math.log(total), 2 - Math.log(total),
        3 - Math.log(total)}, data(Softmax.logSoftmax(Vectors.leaves(1, 2, 3))), 1e-15);
  }

  @Test
  void gradCheckPassesForSoftmaxAndLogSoftmaxAtRandomLogits() {
    Random random = new Random(5);
    for (int trial = 0; trial < 20; trial++) {
      double[] point = new double[1 + random.nextInt(6)];
      for (int k = 0; k < point.length; k++) {
        point[k] = 6 * random.nextGaussian();
      }
      assertTrue(GradCheck.check(z -> weighted(Softmax.softmax(z)), point).maxError() < 1e-7);
      assertTrue(GradCheck.check(z -> weighted(Softmax.logSoftmax(z)), point).maxError() < 1e-7);
      // The recorded graph replayed with one logit moved (the shift recomputed each time).
      List<Value> z = Vectors.leaves(point);
      assertTrue(GradCheck.check(weighted(Softmax.logSoftmax(z)), z).maxError() < 1e-7);
    }
  }

  @Test
  void logSoftmaxGradientIsTheIndicatorMinusSoftmax() {
    List<Value> z = Vectors.leaves(0.3, -1.2, 2.0, 0.0);
    double[] p = data(Softmax.softmax(z));
    Softmax.logSoftmax(z).get(2).backward();
    for (int i = 0; i < 4; i++) {
      assertEquals((i == 2 ? 1 : 0) - p[i], z.get(i).grad(), 1e-15);
    }
  }

  @Test
  void logitsOfPlusMinus1000GiveFiniteResultsAndGradients() {
    List<Value> z = Vectors.leaves(1000, -1000, 999);
    List<Value> logP = Softmax.logSoftmax(z);
    assertArrayEquals(new double[] {-Math.log1p(Math.exp(-1)), -2000 - Math.log1p(Math.exp(-1)),
        -1 - Math.log1p(Math.exp(-1))}, data(logP), 1e-12);
    weighted(logP).backward();
    for (Value v : z) {
      assertTrue(Double.isFinite(v.grad()), "grad " + v.grad());
    }
    List<Value> z2 = Vectors.leaves(1000, -1000, 999);
    List<Value> p = Softmax.softmax(z2);
    assertEquals(0.0, p.get(1).data(), 0);
    assertEquals(1.0, p.get(0).data() + p.get(2).data(), 1e-15);
    weighted(p).backward();
    for (Value v : z2) {
      assertTrue(Double.isFinite(v.grad()), "grad " + v.grad());
    }
    assertTrue(GradCheck.check(zz -> weighted(Softmax.logSoftmax(zz)), -1000, 1000, 999.5)
        .maxError() < 1e-6);
  }

  /** Examples whose maxima differ; the third exceeds the first (recorded) one's by over 709. */
  private static final double[][] EXAMPLES = {
    {0.5, -1.0, 1.0, 0.25},
    {-3.0, -2.5, -7.0, -2.75},
    {800.0, -3.0, 2.0, 799.5},
    {1.0, 1.0, 1.0, 1.0},
    {-900.0, 40.0, -1e4, 39.0},
  };

  @Test
  void replayedSoftmaxAndLogSoftmaxEqualEagerBitForBitOnExamplesWithOtherMaxima() {
    for (boolean log : new boolean[] {false, true}) {
      List<Value> recordedLogits = Vectors.leaves(EXAMPLES[0]);
      CompiledGraph replay = CompiledGraph.compile(
          weighted(log ? Softmax.logSoftmax(recordedLogits) : Softmax.softmax(recordedLogits)),
          recordedLogits);
      for (double[] example : EXAMPLES) {
        List<Value> z = Vectors.leaves(example);
        Value eager = weighted(log ? Softmax.logSoftmax(z) : Softmax.softmax(z));
        eager.backward();
        replay.setInputs(example);
        double replayed = replay.forward();
        replay.backward();
        String where = (log ? "logSoftmax" : "softmax") + " of " + java.util.Arrays.toString(example);
        assertTrue(Double.isFinite(replayed), where + ": " + replayed);
        assertEquals(eager.data(), replayed, where); // assertEquals on doubles compares the bits
        for (int k = 0; k < example.length; k++) {
          double grad = replay.gradOf(recordedLogits.get(k));
          assertTrue(Double.isFinite(grad), where + ": grad " + grad);
          assertEquals(z.get(k).grad(), grad, where + ", grad " + k);
        }
      }
    }
  }

  @Test
  void theShiftIsTheLogitsMaxThroughAStopGradientSoOnlyTheFormulasGradientFlows() {
    List<Value> z = Vectors.leaves(0.3, 2.0, -1.2);
    Value shifted = Softmax.logSoftmax(z).get(0).children().get(0); // z_0 - m
    Value shift = shifted.children().get(1);
    assertEquals("stopGradient", shift.op());
    assertEquals("max", shift.children().get(0).op());
    assertEquals(2.0, shift.data());
  }

  @Test
  void doubleVersionsEqualTheGraphBitForBit() {
    Random random = new Random(9);
    for (int trial = 0; trial < 200; trial++) {
      double[] logits = new double[1 + random.nextInt(10)];
      for (int k = 0; k < logits.length; k++) {
        logits[k] = 50 * random.nextGaussian();
      }
      assertArrayEquals(data(Softmax.softmax(Vectors.leaves(logits))), Softmax.softmax(logits), 0);
      assertArrayEquals(data(Softmax.logSoftmax(Vectors.leaves(logits))), Softmax.logSoftmax(logits), 0);
    }
  }

  @Test
  void nonFiniteLogitsFollowTheDocumentedRules() {
    assertTrue(Double.isNaN(Softmax.softmax(new double[] {1, Double.NaN})[0]));
    assertTrue(Double.isNaN(Softmax.logSoftmax(new double[] {1, Double.POSITIVE_INFINITY})[0]));
    double[] withMinusInfinity = Softmax.logSoftmax(new double[] {0, Double.NEGATIVE_INFINITY});
    assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY}, withMinusInfinity, 0);
    assertArrayEquals(new double[] {1, 0},
        Softmax.softmax(new double[] {0, Double.NEGATIVE_INFINITY}), 0);
  }

  @Test
  void argmaxIsTheFirstLargestLogitSkippingNaN() {
    assertEquals(2, Softmax.argmax(new double[] {1, 3, 7, 7, -2}));
    assertEquals(1, Softmax.argmax(new double[] {Double.NaN, -5, -6}));
    assertEquals(0, Softmax.argmax(new double[] {Double.NaN, Double.NaN}));
    assertEquals(0, Softmax.argmax(new double[] {4}));
  }
}
