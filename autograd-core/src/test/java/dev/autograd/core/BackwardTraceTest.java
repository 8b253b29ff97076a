package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackwardTraceTest {

  @Test
  void tracesDemoOneStepByStep() {
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    BackwardTrace trace = BackwardTrace.run(f);
    assertEquals(List.of(
        new BackwardTrace.Step("n3", "*", "n2", 5.0, 1.0, 5.0, 5.0),
        new BackwardTrace.Step("n3", "*", "y", 3.0, 1.0, 3.0, 3.0),
        new BackwardTrace.Step("n2", "+", "x", 1.0, 5.0, 5.0, 5.0),
        new BackwardTrace.Step("n2", "+", "y", 1.0, 5.0, 5.0, 8.0)), trace.steps());
    assertEquals(5.0, x.grad(), 0.0);
    assertEquals(8.0, y.grad(), 0.0);
    List<String> lines = trace.toString().lines().toList();
    assertEquals(6, lines.size(), trace.toString());
    assertEquals("   4  n2       +          y                     1.0000         5.0000"
        + "         5.0000         8.0000", lines.get(5));
  }

  @Test
  void aSmallNonzeroDerivativeIsNotPrintedAsZero() {
    Value a = Value.of(3.0, "a");
    String table = BackwardTrace.run(a.mul(a).tanh()).toString();
    // d tanh(9)/d(9) = 1 - tanh(9)^2, about 6.09e-8: four decimals would print 0.0000.
    double local = 1 - Math.tanh(9) * Math.tanh(9);
    String line = table.lines().filter(l -> l.contains("tanh")).findFirst().orElseThrow();
    assertEquals(true, line.contains(PythonFormat.fixedOrScientific(local)), table);
    assertEquals(false, line.contains("0.0000"), table);
  }

  @Test
  void aPowerWithAConstantExponentHasOneInput() {
    Value x = Value.of(3.0, "x");
    BackwardTrace trace = BackwardTrace.run(x.pow(3.0));
    assertEquals(List.of(new BackwardTrace.Step("n1", "**3", "x", 27.0, 1.0, 27.0, 27.0)),
        trace.steps());
  }

  /**
   * A random graph over three leaves, with shared interior nodes and every kind of op, dot and
   * fused relu-dot nodes included.
   */
  private static Value randomGraph(Random random, List<Value> leaves) {
    List<Value> pool = new ArrayList<>(leaves);
    for (int i = 0; i < 12; i++) {
      Value a = pool.get(random.nextInt(pool.size()));
      Value b = pool.get(random.nextInt(pool.size()));
      Value next = switch (random.nextInt(11)) {
        case 9 -> Value.dot(b, List.of(a, b), List.of(a, a));
        case 10 -> Value.dotRelu(a, List.of(b, a), List.of(b, leaves.get(2)));
        case 0 -> a.add(b);
        case 1 -> a.sub(b);
        case 2 -> a.mul(b);
        case 3 -> a.div(b.mul(b).add(1.0));
        case 4 -> a.tanh();
        case 5 -> a.relu();
        case 6 -> a.mul(0.3).exp();
        case 7 -> a.pow(2.0);
        default -> a.sigmoid().mul(b);
      };
      pool.add(next);
    }
    return Value.sum(pool.subList(leaves.size(), pool.size()));
  }

  @Test
  void endsWithTheGradsOfBackwardBitForBitAndEachContributionIsLocalTimesUpstream() {
    Random random = new Random(12);
    for (int trial = 0; trial < 200; trial++) {
      List<Value> leaves = List.of(Value.of(random.nextGaussian(), "a"),
          Value.of(random.nextGaussian(), "b"), Value.of(random.nextGaussian(), "c"));
      Value out = randomGraph(random, leaves);
      BackwardTrace trace = BackwardTrace.run(out);
      for (Value leaf : leaves) {
        double traced = 0.0;
        for (BackwardTrace.Step s : trace.steps()) {
          if (s.input().equals(leaf.label())) {
            traced = s.inputGradAfter();
          }
        }
        assertEquals(leaf.grad(), traced, 0.0, "trial " + trial + ", leaf " + leaf.label());
      }
      for (BackwardTrace.Step s : trace.steps()) {
        assertEquals(s.localDerivative() * s.upstream(), s.contribution(),
            1e-12 * Math.max(1.0, Math.abs(s.contribution())), s.toString());
      }
    }
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> BackwardTrace.run(null));
  }
}
