package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.GradCheck;
import dev.autograd.core.Value;
import dev.autograd.nn.Softmax;
import dev.autograd.nn.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTest {
  @Test
  void lossOfOneTwoThreeForClass0IsLogSumExpMinusTheFirstLogit() {
    // torch.nn.functional.cross_entropy(torch.tensor([[1., 2., 3.]]), torch.tensor([0]))
    // = log(e + e^2 + e^3) - 1 = 2.4076059644443806
    assertEquals(2.4076059644443806, CrossEntropyLoss.of(Vectors.leaves(1, 2, 3), 0).data(), 1e-15);
    assertEquals(0.4076059644443806, CrossEntropyLoss.of(Vectors.leaves(1, 2, 3), 2).data(), 1e-15);
  }

  @Test
  void gradientWithRespectToTheLogitsIsSoftmaxMinusOneHot() {
    double[] logits = {0.5, -1, 3, 2.25};
    double[] p = Softmax.softmax(logits);
    List<Value> z = Vectors.leaves(logits);
    CrossEntropyLoss.of(z, 3).backward();
    for (int k = 0; k < 4; k++) {
      assertEquals(p[k] - (k == 3 ? 1 : 0), z.get(k).grad(), 1e-15);
    }
  }

  @Test
  void replayWithLogitsAndTargetsAsInputsEqualsEagerBitForBitWhateverTheExamplesMax() {
    // {logits..., one-hot target...}; the recorded example's max is 1, the second's exceeds it
    // by 799, which with the recorded shift would overflow exp.
    double[][] examples = {
      {0.5, -1.0, 1.0, 0, 1, 0},
      {800.0, -3.0, 799.25, 0, 0, 1},
      {-40.0, -45.0, -39.5, 1, 0, 0},
      {2.0, 2.0, 2.0, 0, 1, 0},
      {-1e4, 30.0, 0.0, 1, 0, 0},
    };
    List<Value> recorded = Vectors.leaves(examples[0]);
    CompiledGraph replay = CompiledGraph.compile(
        CrossEntropyLoss.of(recorded.subList(0, 3), recorded.subList(3, 6)), recorded);
    for (double[] example : examples) {
      List<Value> leaves = Vectors.leaves(example);
      Value eager = CrossEntropyLoss.of(leaves.subList(0, 3), leaves.subList(3, 6));
      eager.backward();
      replay.setInputs(example);
      double replayed = replay.forward();
      replay.backward();
      String where = Arrays.toString(example);
      assertTrue(Double.isFinite(replayed), where + ": loss " + replayed);
      assertEquals(eager.data(), replayed, where); // assertEquals on doubles compares the bits
      List<Double> grads = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        grads.add(replay.gradOf(recorded.get(k)));
        assertEquals(leaves.get(k).grad(), replay.gradOf(recorded.get(k)), where + ", grad " + k);
      }
      assertTrue(grads.stream().allMatch(Double::isFinite), where + ": grads " + grads);
    }
  }

  @Test
  void gradCheckPassesForClassIndexAndProbabilityTargets() {
    Random random = new Random(3);
    for (int trial = 0; trial < 20; trial++) {
      int classes = 2 + random.nextInt(9);
      int target = random.nextInt(classes);
      double[] point = new double[classes];
      for (int k = 0; k < classes; k++) {
        point[k] = 4 * random.nextGaussian();
      }
      assertTrue(GradCheck.check(z -> CrossEntropyLoss.of(z, target), point).maxError() < 1e-7);
      List<Value> soft = Vectors.leaves(new double[classes]);
      for (Value t : soft) {
        t.setData(1.0 / classes);
      }
      assertTrue(GradCheck.check(z -> CrossEntropyLoss.of(z, soft), point).maxError() < 1e-7);
    }
  }

  @Test
  void oneHotTargetsGiveTheClassIndexLossAndGradients() {
    Random random = new Random(8);
    for (int trial = 0; trial < 50; trial++) {
      double[] logits = new double[10];
      for (int k = 0; k < 10; k++) {
        logits[k] = 10 * random.nextGaussian();
      }
      int target = random.nextInt(10);
      List<Value> a = Vectors.leaves(logits);
      List<Value> b = Vectors.leaves(logits);
      Value byIndex = CrossEntropyLoss.of(a, target);
      Value byOneHot = CrossEntropyLoss.of(b, CrossEntropyLoss.oneHot(target, 10));
      assertEquals(byIndex.data(), byOneHot.data(), 1e-12 * Math.max(1, byIndex.data()));
      byIndex.backward();
      byOneHot.backward();
      for (int k = 0; k < 10; k++) {
        assertEquals(a.get(k).grad(), b.get(k).grad(), 1e-15);
      }
    }
  }

  @Test
  void logitsOfPlusMinus1000GiveAFiniteLossAndGradients() {
    List<Value> z = Vectors.leaves(1000, -1000, 0);
    Value loss = CrossEntropyLoss.of(z, 1);
    assertEquals(2000, loss.data(), 1e-9);
    loss.backward();
    assertEquals(1.0, z.get(0).grad(), 1e-15);
    assertEquals(-1.0, z.get(1).grad(), 1e-15);
    assertEquals(0.0, z.get(2).grad(), 1e-15);
    List<Value> w = Vectors.leaves(-1000, 1000);
    Value oneHot = CrossEntropyLoss.of(w, CrossEntropyLoss.oneHot(1, 2));
    assertEquals(0.0, oneHot.data(), 0);
    oneHot.backward();
    assertTrue(Double.isFinite(w.get(0).grad()) && Double.isFinite(w.get(1).grad()));
  }

  @Test
  void aNaNLogitGivesANaNLoss() {
    assertTrue(Double.isNaN(CrossEntropyLoss.of(Vectors.leaves(1, Double.NaN), 0).data()));
  }

  @Test
  void oneHotIsOneAtTheClassAndZeroElsewhereForAnyNumberOfClasses() {
    assertEquals(List.of(1.0), CrossEntropyLoss.oneHot(0, 1).stream().map(Value::data).toList());
    assertEquals(List.of(0.0, 0.0, 1.0),
        CrossEntropyLoss.oneHot(2, 3).stream().map(Value::data).toList());
  }
}
