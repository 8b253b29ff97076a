package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompiledGraphTest {

  @Test
  void compiledOutputEqualsTheEagerOutput() {
    Value x = Value.of(-2.0);
    Value y = Value.of(5.0);
    Value f = x.add(y).mul(y);
    CompiledGraph graph = CompiledGraph.compile(f);
    assertEquals(15.0, graph.output());
    assertEquals(4, graph.size());
    assertEquals(2, graph.leaves().size());
    assertTrue(graph.leaves().contains(x) && graph.leaves().contains(y));
  }

  @Test
  void replayReadsNewLeafDataAndWritesLeafGrads() {
    Value x = Value.of(-2.0);
    Value y = Value.of(5.0);
    CompiledGraph graph = CompiledGraph.compile(x.add(y).mul(y));
    x.setData(1.0);
    y.setData(2.0);
    assertEquals(6.0, graph.forwardBackward());
    assertEquals(2.0, x.grad());
    assertEquals(5.0, y.grad());
    assertEquals(2.0, graph.gradOf(x));
  }

  @Test
  void replayGivesTheEagerGradientsForEveryOp() {
    Value a = Value.of(0.8, "a");
    Value b = Value.of(1.7, "b");
    Value f =
        a.mul(b).add(a.div(b)).sub(b.neg()).add(a.pow(3)).add(b.pow(a)).add(a.exp()).add(b.log())
            .add(a.tanh()).add(b.sub(2.0).relu()).add(a.sub(1.0).relu()).add(b.sigmoid());
    f.backward();
    double ga = a.grad();
    double gb = b.grad();
    CompiledGraph graph = CompiledGraph.compile(f);
    a.zeroGrad();
    b.zeroGrad();
    assertEquals(f.data(), graph.forwardBackward());
    assertEquals(ga, a.grad());
    assertEquals(gb, b.grad());
  }

  @Test
  void replayedReluKeepsTheSignOfNegativeZeroLikeTheEagerOne() {
    Value x = Value.of(1.0);
    CompiledGraph graph = CompiledGraph.compile(x.relu());
    x.setData(-0.0);
    assertEquals(-0.0, graph.forward());
    assertEquals(Value.of(-0.0).relu().data(), graph.forward());
  }

  @Test
  void backwardIsIdempotentLikeTheEagerOne() {
    Value x = Value.of(3.0);
    CompiledGraph graph = CompiledGraph.compile(x.mul(x));
    graph.forwardBackward();
    graph.backward();
    assertEquals(6.0, x.grad());
  }

  @Test
  void valueOfAndGradOfReadAnyRecordedNodeAfterReplay() {
    Value x = Value.of(0.5, "x");
    Value w = Value.of(-1.5, "w");
    Value hidden = x.mul(w).tanh();
    Value f = hidden.mul(hidden).add(x);
    CompiledGraph graph = CompiledGraph.compile(f);
    x.setData(2.0);
    w.setData(0.25);
    graph.forwardBackward();
    assertEquals(Math.tanh(-0.75), hidden.data(), "the Value object still holds the old data");
    Value freshHidden = x.mul(w).tanh();
    Value fresh = freshHidden.mul(freshHidden).add(x);
    fresh.backward();
    assertEquals(freshHidden.data(), graph.valueOf(hidden));
    assertEquals(freshHidden.grad(), graph.gradOf(hidden));
    assertEquals(fresh.data(), graph.valueOf(f));
    assertEquals(1.0, graph.gradOf(f));
    assertEquals(2.0, graph.valueOf(x));
    assertEquals(x.grad(), graph.gradOf(x));
  }

  @Test
  void compilingLeavesGradsAndFlagsAsTheyWere() {
    Value x = Value.of(0.5, "x");
    Value y = x.mul(x).add(x.tanh());
    y.backward();
    double[] grads = {x.grad(), y.grad(), y.children().get(0).grad()};
    CompiledGraph.compile(y);
    assertEquals(grads[0], x.grad());
    assertEquals(grads[1], y.grad());
    assertEquals(grads[2], y.children().get(0).grad());
    y.backward();
    assertEquals(grads[0], x.grad(), "the graph differentiates again after compiling");
  }

  /**
   * A chain over several of the recording sweep's chunks, with ops that hide a constant at every
   * position: the record, its constants and every node's replayed value and grad are the eager
   * graph's, bit for bit, and compiling leaves every grad as it was.
   */
  @Test
  void aGraphLongerThanOneRecordingChunkReplaysAsTheEagerGraph() {
    Value w = Value.of(0.999, "w");
    Value x = Value.of(0.5, "x");
    int n = 3 * Backprop.Recording.CHUNK + 123;
    Value[] chain = new Value[n];
    Value y = x;
    for (int i = 0; i < n; i++) {
      y = i % 3 == 0 ? y.mul(w) : i % 3 == 1 ? y.pow(1.0 + 1e-6 * (i % 7)) : y.leakyRelu(0.5);
      chain[i] = y;
    }
    y.backward();
    double seeded = chain[n / 2].grad();
    CompiledGraph graph = CompiledGraph.compile(y);
    assertEquals(n + 2, graph.size());
    assertEquals(seeded, chain[n / 2].grad(), "compiling put every grad back");
    w.setData(1.001);
    x.setData(0.75);
    double out = graph.forwardBackward();
    double gw = w.grad();
    double gx = x.grad();
    // The same graph built again from the new data, differentiated eagerly.
    Value z = x;
    for (int i = 0; i < n; i++) {
      z = i % 3 == 0 ? z.mul(w) : i % 3 == 1 ? z.pow(1.0 + 1e-6 * (i % 7)) : z.leakyRelu(0.5);
      chain[i] = z;
    }
    Value rebuilt = z;
    rebuilt.backward();
    assertEquals(rebuilt.data(), out);
    assertEquals(w.grad(), gw);
    assertEquals(x.grad(), gx);
    // valueOf/gradOf ask for the nodes of the recorded graph: walk it from the output.
    Value v = y;
    for (int i = n - 1; i >= 0; i--) {
      assertEquals(chain[i].data(), graph.valueOf(v), "value of node " + i);
      assertEquals(chain[i].grad(), graph.gradOf(v), "grad of node " + i);
      v = v.children().get(0);
    }
  }

  @Test
  void gradOfIsZeroBeforeTheFirstBackwardThoughTheNodesHeldGrads() {
    Value x = Value.of(0.5, "x");
    Value inner = x.mul(x);
    Value y = inner.tanh();
    y.backward();
    CompiledGraph graph = CompiledGraph.compile(y);
    assertEquals(0.0, graph.gradOf(x));
    assertEquals(0.0, graph.gradOf(inner));
    assertEquals(0.0, graph.gradOf(y));
    assertEquals(1.0, y.grad(), "the nodes keep their own grads");
  }

  @Test
  void compilingAStaleGraphRecordsItFromTheLeavesCurrentData() {
    Value x = Value.of(0.5, "x");
    Value y = x.exp().add(x);
    x.setData(1.0);
    CompiledGraph graph = CompiledGraph.compile(y);
    assertEquals(Math.exp(1.0) + 1.0, graph.output());
    graph.backward();
    assertEquals(Math.exp(1.0) + 1.0, x.grad());
  }

  @Test
  void aNodeOutsideTheGraphIsRejected() {
    CompiledGraph graph = CompiledGraph.compile(Value.of(1.0).mul(2.0));
    Value stranger = Value.of(1.0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> graph.gradOf(stranger));
    assertEquals(
        "node Value(data=1.0000, grad=0.0000) is not a node of this compiled graph",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> graph.valueOf(stranger));
  }

  @Test
  void compilingNullNamesTheParameter() {
    assertEquals(
        "output",
        assertThrows(NullPointerException.class, () -> CompiledGraph.compile(null)).getMessage());
  }
}
