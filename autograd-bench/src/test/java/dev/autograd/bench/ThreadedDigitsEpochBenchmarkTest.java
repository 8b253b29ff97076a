package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadedDigitsEpochBenchmarkTest {

  private static ThreadedDigitsEpochBenchmark epochOn(int threads) {
    ThreadedDigitsEpochBenchmark benchmark = new ThreadedDigitsEpochBenchmark();
    benchmark.threads = threads;
    benchmark.setUp();
    benchmark.epoch();
    benchmark.tearDown();
    return benchmark;
  }

  @Test
  void anEpochOnOneTwoOrEightThreadsLeavesTheSameParametersBitForBit() {
    List<Value> one = epochOn(1).model.parameters();
    for (int threads : new int[] {2, 8}) {
      List<Value> other = epochOn(threads).model.parameters();
      for (int j = 0; j < one.size(); j++) {
        assertEquals(
            Double.doubleToLongBits(one.get(j).data()),
            Double.doubleToLongBits(other.get(j).data()),
            "parameter " + j + " on " + threads + " threads");
      }
    }
  }
}
