package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link MoonsBatchedStepBenchmark} takes {@link MlpStepBenchmark}'s step, to rounding. */
class MoonsBatchedStepTest {
  @Test
  void batchedStepsGiveTheWholeGraphStepsLossesAndParameters() {
    for (double alpha : new double[] {0, 1e-4}) {
      MlpStepBenchmark whole = new MlpStepBenchmark();
      whole.alpha = alpha;
      whole.setUp();
      MoonsBatchedStepBenchmark batched = new MoonsBatchedStepBenchmark();
      batched.alpha = alpha;
      batched.lanes = 32; // 4 passes, the last of 4 points
      batched.setUp();
      for (int k = 0; k < 3; k++) {
        assertEquals(whole.eagerStep(), batched.batchedStep(), 1e-12,
            "loss of step " + k + ", alpha " + alpha);
      }
      List<Value> a = whole.optimizer.parameters();
      List<Value> b = batched.optimizer.parameters();
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).data(), b.get(i).data(), 1e-12, "parameter " + i);
      }
    }
  }
}
