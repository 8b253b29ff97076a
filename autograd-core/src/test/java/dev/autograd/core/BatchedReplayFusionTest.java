package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batched replay's fused dot-product chains on hand-made graphs: which chains are fused, and
 * that the loss sums and the parameters' grads stay bit for bit those of per-example {@link
 * CompiledGraph#accumulate(double[])}.
 */
class BatchedReplayFusionTest {
  private final Random random = new Random(7);
  private final Value x = Value.of(0.5, "x");
  private final Value y = Value.of(-1.5, "y");
  /** Whether every held grad is -0.0 (else one in three). */
  private boolean allHeldNegativeZero;

  @Test
  void everyNeuronOfAMoonsSizedMlpIsOneFusedChainAndEachLayerOneGroup() {
    BatchedReplay replay = moonsSizedMlp(false);
    // Layer 1's neurons share only input slots; layer 2's feed every input in the opposite order
    // of their tops, so they form one group; layer 3 is one neuron.
    assertEquals(16 + 1 + 1, replay.fusedGroups());
  }

  @Test
  void everyFusedDotNodeOfAMoonsSizedMlpIsOneFusedChainToo() {
    BatchedReplay replay = moonsSizedMlp(true);
    // A record lays out a layer's dot nodes as the unfused sweep's chains: the same groups.
    assertEquals(16 + 1 + 1, replay.fusedGroups());
  }

  /**
   * A moons-sized MLP's hinge loss replayed batched and checked against per-example replay, its
   * neurons chains of add and mul or (as nn.Neuron builds them) Value.dot nodes, which a record
   * holds as such chains; every neuron is one fused chain.
   */
  private BatchedReplay moonsSizedMlp(boolean dotNodes) {
    Value x2 = Value.of(0.25, "x2");
    Value target = Value.of(1.0, "target");
    List<Value> h = List.of(x, x2);
    h = layer(h, 16, true, dotNodes);
    h = layer(h, 16, true, dotNodes);
    Value score = layer(h, 1, false, dotNodes).get(0);
    Value loss = score.mul(target).neg().add(1.0).relu().mul(0.01); // micrograd's hinge, / 100
    BatchedReplay replay = assertSameAsPerExample(loss, List.of(x, x2, target), 37, 16);
    // Per neuron of n inputs: n products and n additions from the bias.
    assertEquals(33, replay.chains());
    assertEquals(33, replay.fusedChains());
    assertEquals(16 * 2 * 2 + 16 * 2 * 16 + 2 * 16, replay.fusedNodes());
    // Every weight's only contribution is x × G: its column is computed where it is added.
    assertEquals(16 * 2 + 16 * 16 + 16, replay.productColumns());
    return replay;
  }

  @Test
  void aDotOfAVectorWithItselfAndAProductHeadAreFused() {
    Value w = Value.of(0.75, "w");
    Value a = x.mul(Value.of(-1.25, "u")).tanh();
    Value dot = a.mul(a).add(w.mul(w)).add(a.mul(x)).add(a.mul(a)); // dot([a,w,a,a], [a,w,x,a])
    BatchedReplay replay = assertSameAsPerExample(dot.mul(w), List.of(x), 9, 4);
    assertEquals(1, replay.fusedChains());
    assertEquals(7, replay.fusedNodes());
  }

  @Test
  void theShortestChainsAreFused() {
    Value w = Value.of(2.0, "w");
    Value b = Value.of(-0.5, "b");
    Value one = b.add(w.mul(x)); // a neuron of one input: 2 nodes
    Value two = x.mul(w).add(y.mul(b)); // a dot of two: 3 nodes
    BatchedReplay replay = assertSameAsPerExample(one.mul(two).tanh(), List.of(x, y), 11, 3);
    assertEquals(2, replay.fusedChains());
    assertEquals(5, replay.fusedNodes());
  }

  @Test
  void aPartialSumUsedTwiceEndsOneChainAndHeadsTheNext() {
    Value w = Value.of(1.25, "w");
    Value v = Value.of(-0.75, "v");
    Value s2 = w.add(v.mul(x)).add(w.mul(y));
    Value s4 = s2.add(Value.of(3.0, "v2").mul(y)).add(Value.of(0.5, "w2").mul(x));
    BatchedReplay replay =
        assertSameAsPerExample(s4.mul(s2).tanh().mul(Value.of(2.0, "c")), List.of(x, y), 8, 8);
    assertEquals(2, replay.chains());
    assertEquals(2, replay.fusedChains());
    assertEquals(8, replay.fusedNodes());
  }

  @Test
  void chainsThatFeedChainsAreFused() {
    Value w = Value.of(0.5, "w");
    Value v = Value.of(-2.0, "v");
    Value inner1 = w.add(x.mul(v)).add(y.mul(w));
    Value inner2 = v.add(y.mul(v)).add(x.mul(x));
    Value outer = inner1.mul(inner2).add(inner1.mul(w)).add(inner2.mul(inner2));
    BatchedReplay replay = assertSameAsPerExample(outer, List.of(x, y), 13, 5);
    assertEquals(3, replay.fusedChains());
  }

  /**
   * {@code X} feeds a chain's first product and a node {@code u} between that product and the
   * chain's top: fused, the chain's event into {@code X} would come before {@code u}'s instead
   * of after, so the chain is left unfused.
   */
  @Test
  void aChainWhoseOperandHasAnotherUserBetweenItsProductsAndItsTopStaysUnfused() {
    Value w = Value.of(0.5, "w");
    Value bias = Value.of(0.125, "bias");
    Value operand = x.mul(w); // X
    Value sum = bias.add(operand.mul(w));
    for (int k = 0; k < 7; k++) {
      sum = sum.add(y.mul(Value.of(k - 3.0, "p" + k)));
    }
    Value deep = x.tanh().tanh().tanh().tanh();
    Value between = operand.mul(deep); // level 5: between the product (2) and the top (10)
    BatchedReplay replay = assertSameAsPerExample(sum.mul(between), List.of(x, y), 6, 6);
    assertEquals(1, replay.chains());
    assertEquals(0, replay.fusedChains());
  }

  @Test
  void nanInfinitiesAndSignedZerosPropagateAsPerExample() {
    Value w = Value.of(-0.0, "w");
    Value b = Value.of(0.0, "b");
    Value v = Value.of(Double.MAX_VALUE, "v");
    Value s = b.add(w.mul(x)).add(v.mul(y)).add(x.mul(y));
    Value loss = s.mul(-0.0).add(s.relu()).add(w.mul(s));
    double[][] rows = {{0.0, -0.0}, {-0.0, -0.0}, {Double.NaN, 1.0},
        {Double.POSITIVE_INFINITY, 2.0}, {1.0, Double.NEGATIVE_INFINITY}, {2.0, 2.0}, {-1, 3}};
    for (int lanes : new int[] {1, 3, 7}) {
      BatchedReplay replay = assertSameAsPerExample(loss, List.of(x, y), rows, lanes);
      assertEquals(1, replay.fusedChains());
    }
  }

  /**
   * Neurons whose outputs feed a ReLU (alone, or with a second user) read their top's grad row as
   * every product's grad: on rows whose pre-activations are {@code ±0.0}, NaN or {@code ±∞}, and
   * with upstream grads of {@code -0.0} (the {@code * -0.0}) and NaN, still the per-example
   * numbers.
   */
  @Test
  void chainsFeedingReluKeepThePerExampleNumbersOnSpecialRows() {
    Value negZero = Value.of(-0.0, "b0");
    Value w = Value.of(-0.0, "w");
    Value v = Value.of(2.0, "v");
    Value alone = negZero.add(w.mul(x)).add(v.mul(y)); // -0.0 + (-0.0 * x) + 2y
    Value shared = Value.of(0.5, "b1").add(Value.of(-1.0, "u").mul(x)).add(v.mul(y));
    Value hidden = alone.relu().mul(Value.of(-0.0, "z")).add(shared.relu().mul(Value.of(3.0, "c")));
    Value loss = hidden.add(shared.mul(Value.of(0.25, "d"))).add(alone.relu().mul(x));
    double[][] rows = {{0.0, -0.0}, {-0.0, -0.0}, {Double.NaN, 1.0}, {1.0, Double.NaN},
        {Double.POSITIVE_INFINITY, 2.0}, {1.0, Double.NEGATIVE_INFINITY}, {2.0, 0.25},
        {-1, 3}, {0.5, -0.25}, {Double.NEGATIVE_INFINITY, -0.0}};
    for (int lanes : new int[] {1, 4, 10}) {
      BatchedReplay replay = assertSameAsPerExample(loss, List.of(x, y), rows, lanes);
      assertEquals(2, replay.fusedChains());
    }
  }

  /**
   * Weights whose columns are computed where they are added ({@code 0.0 + x × G} in lane 0, then
   * {@code x × G}): on rows of zeros with {@code G < 0}, every contribution is {@code -0.0}, and
   * each pass's first lane turns a held {@code -0.0} grad into {@code +0.0} as per example; nine
   * weights share one {@code G} (the blocks of eight), five others (three weights, and the two
   * constants, {@code -0.0 × 1}) do not (blocks of four, then one by one).
   */
  @Test
  void computedColumnsKeepTheSignOfZeroOfThePerExampleSums() {
    List<Value> inputs = new ArrayList<>();
    for (int j = 0; j < 9; j++) {
      inputs.add(Value.of(0.0, "x" + j));
    }
    Value wide = Value.of(-0.0, "b"); // negative weights: on rows of +0.0 the sums are -0.0
    for (Value input : inputs) {
      wide = wide.add(Value.of(-0.1 - Math.abs(random.nextGaussian()), "w").mul(input));
    }
    Value narrow = Value.of(-0.0, "c");
    for (Value input : inputs.subList(0, 3)) {
      narrow = narrow.add(Value.of(-0.1 - Math.abs(random.nextGaussian()), "v").mul(input));
    }
    Value loss = wide.mul(-1.5).add(narrow.mul(-2.0));
    double[][] zeros = new double[5][9];
    double[][] mixed = new double[5][9];
    for (int e = 0; e < mixed.length; e++) {
      for (int j = 0; j < 9; j++) {
        mixed[e][j] = (e + j) % 2 == 0 ? 0.0 : -0.0;
      }
    }
    allHeldNegativeZero = true;
    for (int lanes : new int[] {1, 2, 5}) {
      for (double[][] rows : List.of(zeros, mixed)) {
        BatchedReplay replay = assertSameAsPerExample(loss, inputs, rows, lanes);
        assertEquals(12 + 2, replay.productColumns()); // and the two constants, x × G too
      }
    }
  }

  /** A layer of {@code width} neurons as {@code nn.Neuron} builds them: bias, then w_i * x_i. */
  /** A layer of neurons {@code b + w_1*x_1 + ...}: chains, or one {@link Value#dot} each. */
  private List<Value> layer(List<Value> in, int width, boolean relu, boolean dotNodes) {
    List<Value> out = new ArrayList<>();
    for (int j = 0; j < width; j++) {
      Value b = Value.of(random.nextGaussian(), "b");
      List<Value> w = new ArrayList<>();
      for (int i = 0; i < in.size(); i++) {
        w.add(Value.of(random.nextGaussian(), "w"));
      }
      Value act = b;
      if (dotNodes) {
        act = Value.dot(b, w, in);
      } else {
        for (int i = 0; i < in.size(); i++) {
          act = act.add(w.get(i).mul(in.get(i)));
        }
      }
      out.add(relu ? act.relu() : act);
    }
    return out;
  }

  private BatchedReplay assertSameAsPerExample(Value out, List<Value> inputs, int rows,
      int lanes) {
    double[][] batch = new double[rows][inputs.size()];
    for (double[] row : batch) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextDouble() * 4 - 2;
      }
    }
    return assertSameAsPerExample(out, inputs, batch, lanes);
  }

  /**
   * Replays {@code rows} per example and batched from the same held grads (-0.0 included, which
   * shows a contribution's sign); asserts equal sums and grads, bit for bit.
   */
  private BatchedReplay assertSameAsPerExample(Value out, List<Value> inputs, double[][] rows,
      int lanes) {
    CompiledGraph graph = CompiledGraph.compile(out, inputs);
    List<Value> parameters = graph.leaves().subList(inputs.size(), graph.leaves().size());
    double[] held = new double[parameters.size()];
    for (int p = 0; p < held.length; p++) {
      held[p] = allHeldNegativeZero || p % 3 == 0 ? -0.0 : random.nextGaussian();
      parameters.get(p).setGrad(held[p]);
    }
    double expectedSum = 0.0;
    for (double[] row : rows) {
      expectedSum += graph.accumulate(row);
    }
    double[] expected = new double[held.length];
    for (int p = 0; p < held.length; p++) {
      expected[p] = parameters.get(p).grad();
      parameters.get(p).setGrad(held[p]);
    }
    BatchedReplay replay = BatchedReplay.of(graph, lanes);
    assertEquals(expectedSum, replay.accumulate(rows));
    for (int p = 0; p < held.length; p++) {
      assertEquals(expected[p], parameters.get(p).grad(), parameters.get(p).label());
    }
    return replay;
  }
}
