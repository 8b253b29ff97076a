package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.examples.MoonsProblem;
import dev.autograd.jit.MinibatchReplay;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The problem {@link MlpStepBenchmark} measures, as its set-up builds it. */
class MlpStepTest {
  private static MlpStepBenchmark benchmark(double alpha) {
    MlpStepBenchmark b = new MlpStepBenchmark();
    b.alpha = alpha;
    b.setUp();
    return b;
  }

  @Test
  void trainsThe337ParametersOfA2To16To16To1Perceptron() {
    assertEquals(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1,
        benchmark(0).optimizer.parameters().size());
  }

  @Test
  void lossGraphHas65240NodesOfWhich64603AreMadePerStep() {
    // Per point: a neuron of n inputs makes n products and n adds (summed from its bias), then a
    // relu in the hidden layers: layer 1 16 x 5, layer 2 16 x 33, the output 32; the hinge term
    // s*y, neg, the constant 1, +, relu makes 5: 645 a point. The mean adds its 0, 100 adds, the
    // constant 1/100 and a mul (103). The other leaves: 337 parameters, 200 inputs, 100 labels.
    CompiledGraph graph = CompiledGraph.compile(benchmark(0).graph);
    int perStep = MoonsProblem.POINTS * (16 * 5 + 16 * 33 + 32 + 5) + 103;
    assertEquals(64_603, perStep);
    assertEquals(perStep + 337 + 3 * MoonsProblem.POINTS, graph.size());
  }

  /** Returns the number of distinct nodes reachable from {@code output} (itself included). */
  static int reachable(Value output) {
    return reachableSet(output).size();
  }

  /** Returns the distinct nodes reachable from {@code output} (itself included), by identity. */
  static Set<Value> reachableSet(Value output) {
    Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Value> pending = new ArrayDeque<>(List.of(output));
    while (!pending.isEmpty()) {
      Value node = pending.pop();
      if (seen.add(node)) {
        pending.addAll(node.children());
      }
    }
    return seen;
  }

  @Test
  void eagerGraphHas4540NodesOfWhich3903AreMadePerStep() {
    // Per point: each neuron's weighted sum is one dot node (from its bias), fused with its relu
    // in the hidden layers (Value.dotRelu): 16 + 16 + 1; the hinge term 5: 38 a point. The mean
    // 103, the leaves 637 as above. The record still holds each dot node as its chain, a fused
    // one under its relu (the 65,240 slots).
    int perStep = MoonsProblem.POINTS * (16 + 16 + 1 + 5) + 103;
    assertEquals(3_903, perStep);
    assertEquals(perStep + 337 + 3 * MoonsProblem.POINTS, reachable(benchmark(0).graph));
  }

  @Test
  void sameSeedBuildsTheSameLoss() {
    assertEquals(benchmark(1e-4).build().data(), benchmark(1e-4).build().data());
  }

  @Test
  void compiledStepEqualsTheEagerStep() {
    MlpStepBenchmark eager = benchmark(1e-4);
    MlpStepBenchmark compiled = benchmark(1e-4);
    for (int k = 0; k < 3; k++) {
      assertEquals(eager.eagerStep(), compiled.compiledStep(), 1e-12, "loss of step " + k);
    }
    List<Value> a = eager.optimizer.parameters();
    List<Value> b = compiled.optimizer.parameters();
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).data(), b.get(i).data(), 1e-12, "parameter " + i);
    }
  }

  @Test
  void perExampleReplayOnTwoThreadsGivesTheFullBatchLossAndGradients() {
    MoonsProblem batch = new MoonsProblem(1);
    Value loss = batch.loss(0);
    loss.backward();
    MoonsProblem perExample = new MoonsProblem(1);
    try (MinibatchReplay replay = MinibatchStepBenchmark.record(perExample).threads(2)) {
      assertEquals(loss.data(),
          replay.accumulate(MinibatchStepBenchmark.examples(perExample)), 1e-12);
    }
    List<Value> expected = batch.model().parameters();
    List<Value> actual = perExample.model().parameters();
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).grad(), actual.get(i).grad(), 1e-12, "grad " + i);
    }
  }
}
