package dev.autograd.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import dev.autograd.jit.MinibatchReplay;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoonsMlpTest {

  @Test
  void hasThe337ParametersOfA2To16To16To1Perceptron() {
    assertEquals(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1, new MoonsMlp(1).parameters().size());
  }

  @Test
  void lossGraphHas71740NodesOfWhich71203AreMadePerStep() {
    // Per point: layer 1 16 x 7 nodes, layer 2 16 x 35, output 34, hinge 5 (711); then the
    // mean adds 103. The other leaves are the 337 parameters and the 200 inputs.
    CompiledGraph graph = CompiledGraph.compile(new MoonsMlp(1).loss());
    int perStep = MoonsMlp.POINTS * (16 * 7 + 16 * 35 + 34 + 5) + 103;
    assertEquals(71_203, perStep);
    assertEquals(perStep + 337 + 2 * MoonsMlp.POINTS, graph.size());
  }

  @Test
  void sameSeedBuildsTheSameModelAndLoss() {
    assertEquals(new MoonsMlp(7).loss().data(), new MoonsMlp(7).loss().data());
  }

  @Test
  void compiledReplayGivesTheEagerLossAndGradientsAfterAnUpdate() {
    MoonsMlp model = new MoonsMlp(1);
    CompiledGraph compiled = CompiledGraph.compile(model.loss());
    model.loss().backward();
    model.update(0.1);
    Value loss = model.loss();
    loss.backward();
    List<Value> parameters = model.parameters();
    double[] eager = parameters.stream().mapToDouble(Value::grad).toArray();
    assertEquals(loss.data(), compiled.forwardBackward(), 1e-12);
    for (int i = 0; i < eager.length; i++) {
      assertEquals(eager[i], parameters.get(i).grad(), 1e-12, "grad of parameter " + i);
    }
  }

  @Test
  void perExampleReplayOnTwoThreadsGivesTheFullBatchLossAndGradients() {
    MoonsMlp batch = new MoonsMlp(1);
    Value loss = batch.loss();
    loss.backward();
    MoonsMlp model = new MoonsMlp(1);
    Value[] x = {Value.of(0.0), Value.of(0.0)};
    Value negLabel = Value.of(0.0);
    try (MinibatchReplay replay =
        MinibatchReplay.record(
                model.exampleLoss(x, negLabel), List.of(x[0], x[1], negLabel), model.parameters())
            .threads(2)) {
      assertEquals(loss.data(), replay.accumulate(model.examples()), 1e-12);
    }
    for (int i = 0; i < model.parameters().size(); i++) {
      assertEquals(
          batch.parameters().get(i).grad(), model.parameters().get(i).grad(), 1e-12, "grad " + i);
    }
  }
}
