package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.nn.Vectors;
import dev.autograd.optim.CrossEntropyLoss;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The graph of one example that {@link DigitsEpochBenchmark}'s {@code EAGER} mode builds. */
class DigitsEpochBenchmarkTest {
  @Test
  void oneExampleGraphHas2600NodesRecordedIn7326Slots() {
    Mlp model = new Mlp(64, List.of(32, 10), Activation.RELU, Init.XAVIER, new Random(0));
    List<Value> logits = model.forward(Vectors.leaves(new double[64]));
    double[] oneHot = new double[10];
    oneHot[3] = 1.0;
    Value loss = CrossEntropyLoss.of(logits, Vectors.leaves(oneHot));
    // Leaves: 2,410 parameters and 64 pixels; then one node per neuron, a hidden neuron's dot
    // fused with its relu (32 + 10). Value.sum adds its constant 0 and 10 additions (11).
    assertEquals(2_410 + 64 + 32 + 10, MlpStepTest.reachable(Value.sum(logits)) - 11);
    // With the 10 one-hot targets and the cross-entropy's nodes.
    assertEquals(2_600, MlpStepTest.reachable(loss));
    // A record holds each dot node of n products as its chain of 2n nodes (n products, n adds
    // from the bias), 2n - 1 slots more than the one node (63 per output neuron), and a fused
    // node as its relu over that chain, 2n slots more (128 per hidden neuron).
    assertEquals(2_600 + 32 * (2 * 64) + 10 * (2 * 32 - 1),
        CompiledGraph.compile(loss).size());
  }
}
