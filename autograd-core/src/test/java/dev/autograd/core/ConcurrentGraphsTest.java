package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Independent graphs built and differentiated on 8 threads at once give bit for bit the results
 * of one thread: nothing in the engine is shared between graphs.
 */
class ConcurrentGraphsTest {
  private static final int THREADS = 8;
  private static final int GRAPHS_PER_THREAD = 40;

  @Test
  void eightThreadsGiveExactlyTheSingleThreadGradients() throws Exception {
    long[][] expected = new long[THREADS * GRAPHS_PER_THREAD][];
    for (int seed = 0; seed < expected.length; seed++) {
      expected[seed] = trainingStepBits(seed);
    }
    OnThreads.assertSameAsOneThread(THREADS, expected, ConcurrentGraphsTest::trainingStepBits);
  }

  @Test
  void differentSeedsGiveDifferentGradients() {
    assertEquals(trainingStepBits(3).length, trainingStepBits(4).length);
    assertFalse(Arrays.equals(trainingStepBits(3), trainingStepBits(4)));
  }

  /**
   * Builds a small tanh network (3 inputs, 6 hidden, 1 output) with weights and a batch of 4
   * examples drawn from {@code seed}, takes the mean squared error, backpropagates eagerly, then
   * checks that the eager graph is now stale, replays the compiled graph with moved weights. Returns the bits of the loss, every weight's
   * grad, and the replayed loss and grads.
   */
  private static long[] trainingStepBits(long seed) {
    Random random = new Random(seed);
    List<Value> weights = new ArrayList<>();
    Value[][] hidden = new Value[6][4];
    Value[] out = new Value[7];
    for (Value[] row : hidden) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Value.of(random.nextDouble() * 2 - 1, "w");
        weights.add(row[j]);
      }
    }
    for (int j = 0; j < out.length; j++) {
      out[j] = Value.of(random.nextDouble() * 2 - 1, "v");
      weights.add(out[j]);
    }
    List<Value> errors = new ArrayList<>();
    for (int example = 0; example < 4; example++) {
      List<Value> x = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        x.add(Value.of(random.nextGaussian()));
      }
      List<Value> h = new ArrayList<>();
      for (Value[] row : hidden) {
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          terms.add(row[i].mul(x.get(i)));
        }
        h.add(Value.sum(terms).add(row[3]).tanh());
      }
      List<Value> terms = new ArrayList<>();
      for (int j = 0; j < 6; j++) {
        terms.add(out[j].mul(h.get(j)));
      }
      Value prediction = Value.sum(terms).add(out[6]);
      errors.add(prediction.sub(random.nextDouble()).pow(2));
    }
    Value loss = Value.sum(errors).mul(1.0 / errors.size());
    loss.backward();
    long[] bits = new long[2 + 2 * weights.size()];
    int n = 0;
    bits[n++] = Double.doubleToRawLongBits(loss.data());
    for (Value w : weights) {
      bits[n++] = Double.doubleToRawLongBits(w.grad());
    }
    CompiledGraph compiled = CompiledGraph.compile(loss);
    for (Value w : weights) {
      w.setData(w.data() - 0.1 * w.grad());
    }
    // Other threads change their own leaves meanwhile: only this graph's changes make it stale.
    assertThrows(IllegalStateException.class, loss::backward);
    bits[n++] = Double.doubleToRawLongBits(compiled.forwardBackward());
    for (Value w : weights) {
      bits[n++] = Double.doubleToRawLongBits(w.grad());
    }
    return bits;
  }
}
