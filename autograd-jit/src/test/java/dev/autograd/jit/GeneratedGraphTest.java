package dev.autograd.jit;

import static dev.autograd.jit.GeneratedGraphProperties.assertBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.CompiledGraph;
import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeneratedGraphTest {

  @Test
  void aGraphLargerThanOneClassSpansSeveralMethodsAndClassesAndMatchesTheInterpreter() {
    // 3 x 4096 + 1000 interior nodes: four generated classes, dozens of chunk methods.
    Random random = new Random(3);
    List<Integer> program = new ArrayList<>();
    for (int i = 0; i < 3 * ReplayGenerator.SEGMENT_NODES + 1000; i++) {
      program.add(random.nextInt(Integer.MAX_VALUE));
    }
    OpGraph graph = new OpGraph(program, new double[] {0.5, -1.25, 2.0, 0.75});
    CompiledGraph interpreted = CompiledGraph.compile(graph.output());
    GeneratedGraph generated = GeneratedGraph.compile(graph.output());
    assertTrue(generated.isGenerated());
    assertEquals(interpreted.size(), generated.size());
    assertBits(interpreted.forwardBackward(), generated.forwardBackward(), "output");
    for (Value leaf : interpreted.leaves()) {
      assertBits(interpreted.gradOf(leaf), generated.gradOf(leaf), "grad");
    }
  }

  @Test
  void aGraphOverTheLimitReplaysThroughTheInterpreterWithTheSameResults() {
    Value x = Value.of(3.0);
    Value y = Value.of(-2.0);
    Value loss = x.mul(y).add(x.relu()).pow(2);
    GeneratedGraph fallback = GeneratedGraph.compile(loss, 3); // 4 interior nodes
    GeneratedGraph generated = GeneratedGraph.compile(loss, 4);
    assertFalse(fallback.isGenerated());
    assertTrue(generated.isGenerated());
    x.setData(1.5);
    assertEquals(generated.forwardBackward(), fallback.forwardBackward());
    assertEquals(generated.gradOf(x), fallback.gradOf(x));
    assertEquals(2 * (1.5 * -2.0 + 1.5) * (-2.0 + 1.0), x.grad());
    assertEquals(fallback.output(), generated.output());
  }

  @Test
  void everyOpOfTheCoreTableReplaysBitForBitAsTheInterpreterAtOrdinaryAndSpecialPoints() {
    double[][] points = {
      {0.7, -1.3}, {2.0, 2.0}, {0.0, 0.0}, {1.0, Double.POSITIVE_INFINITY}, {40.0, 1e200},
      {-0.0, Double.NaN}, {-25.0, 3e-160}
    };
    for (double[] p : points) {
      Value x = Value.of(p[0]);
      Value y = Value.of(p[1]);
      List<Value> terms = List.of(
          x.add(y), x.sub(y), x.mul(y), x.div(y), x.neg(), x.pow(2.0), x.pow(0.5), x.pow(y),
          x.exp(), x.log(), x.tanh(), x.relu(), x.sigmoid(), x.abs(), x.sqrt(), x.sin(), x.cos(),
          x.max(y), x.min(y), x.leakyRelu(0.01), x.softplus(), x.rsub(1.0), y.rdiv(2.0));
      Value loss = Value.of(0.0);
      for (int i = 0; i < terms.size(); i++) {
        loss = loss.add(terms.get(i).mul(Value.of(0.5 + i))); // a distinct upstream grad each
      }
      CompiledGraph interpreted = CompiledGraph.compile(loss);
      GeneratedGraph generated = GeneratedGraph.compile(loss);
      assertTrue(generated.isGenerated());
      assertBits(interpreted.forwardBackward(), generated.forwardBackward(), "output");
      for (Value leaf : interpreted.leaves()) {
        assertBits(interpreted.gradOf(leaf), generated.gradOf(leaf), "grad at " + p[0] + ", " + p[1]);
      }
    }
  }

  @Test
  void stopGradientReplaysAsTheIdentityPassingNoGradientBitForBitWithTheInterpreter() {
    // A log-sum-exp with its max shift through stopGradient, replayed at logits with other maxima.
    Value a = Value.of(0.5);
    Value b = Value.of(-1.0);
    Value c = Value.of(1.0);
    Value shift = a.max(b).max(c).stopGradient();
    Value loss = a.sub(shift).exp().add(b.sub(shift).exp()).add(c.sub(shift).exp()).log()
        .add(shift).sub(b).mul(a.stopGradient().add(2.0));
    CompiledGraph interpreted = CompiledGraph.compile(loss);
    GeneratedGraph generated = GeneratedGraph.compile(loss);
    assertTrue(generated.isGenerated());
    double[][] points = {{0.5, -1.0, 1.0}, {800.0, -3.0, 2.0}, {-5.0, Double.NaN, 1.0},
        {Double.POSITIVE_INFINITY, 0.0, 1.0}};
    for (double[] p : points) {
      a.setData(p[0]);
      b.setData(p[1]);
      c.setData(p[2]);
      assertBits(interpreted.forwardBackward(), generated.forwardBackward(), "output");
      for (Value leaf : interpreted.leaves()) {
        assertBits(interpreted.gradOf(leaf), generated.gradOf(leaf), "grad");
      }
    }
    a.setData(800.0);
    b.setData(-3.0);
    c.setData(2.0);
    assertTrue(Double.isFinite(generated.forwardBackward()));
    assertEquals(-802.0, generated.gradOf(b), 1e-9); // (softmax_b - 1) * 802, softmax_b ~ e^-803
  }

  @Test
  void aLeafOutputHasGradientOne() {
    Value x = Value.of(4.0);
    GeneratedGraph graph = GeneratedGraph.compile(x);
    assertEquals(4.0, graph.forwardBackward());
    assertEquals(1.0, x.grad());
    assertEquals(List.of(x), graph.leaves());
  }

  @Test
  void badArgumentsAreRejectedNamingTheValue() {
    assertThrows(NullPointerException.class, () -> GeneratedGraph.compile(null));
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> GeneratedGraph.compile(Value.of(1.0), -1));
    assertTrue(negative.getMessage().contains("-1"), negative.getMessage());
    GeneratedGraph graph = GeneratedGraph.compile(Value.of(1.0).add(Value.of(2.0)));
    assertThrows(IllegalArgumentException.class, () -> graph.gradOf(Value.of(1.0)));
    assertThrows(NullPointerException.class, () -> graph.gradOf(null));
  }
}
