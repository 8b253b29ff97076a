package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backprop's queue links waiting nodes through their {@code labelOrNext} field: every link is
 * gone after a pass, whether it completes or fails, and leaves keep their labels.
 */
class PendingQueueTest {

  /** Returns {@code sum_i relu(a_i * b_i)}: the chain of sums leaves every term waiting at once. */
  private static Value wideSum(List<Value> a, List<Value> b) {
    List<Value> terms = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      terms.add(a.get(i).mul(b.get(i)).relu());
    }
    return Value.sum(terms);
  }

  private static List<Value> leaves(String name, int n, double scale) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Value.of(scale * (i - n / 3.0), name + i));
    }
    return out;
  }

  /** Checks the fields themselves (a later sweep would overwrite a link it pushes again). */
  private static void assertNoLinkNorFlag(Value[] nodes) {
    for (Value v : nodes) {
      assertFalse(v.visited);
      if (!v.isLeaf()) {
        assertNull(v.labelOrNext, "link left on a '" + v.op() + "' node");
        assertEquals("", v.label());
      }
    }
  }

  /** Checks the labels and the grads of {@link #wideSum}'s leaves. */
  private static void assertWideSumGrads(List<Value> a, List<Value> b) {
    for (int i = 0; i < a.size(); i++) {
      assertEquals("a" + i, a.get(i).label());
      assertEquals("b" + i, b.get(i).label());
      double p = a.get(i).data() * b.get(i).data();
      assertEquals(p > 0 ? b.get(i).data() : 0.0, a.get(i).grad());
      assertEquals(p > 0 ? a.get(i).data() : 0.0, b.get(i).grad());
    }
  }

  @Test
  void aCompletedPassLeavesNoLinkAndLeavesKeepTheirLabels() {
    List<Value> a = leaves("a", 40, 0.5);
    List<Value> b = leaves("b", 40, -0.25);
    Value f = wideSum(a, b);
    Value[] nodes = Backprop.propagationOrder(f);
    f.backward();
    assertNoLinkNorFlag(nodes);
    assertWideSumGrads(a, b);
    // The detached copy of an interior node has an empty label, as before.
    assertEquals("", f.detach().label());
  }

  @Test
  void aFailedPassLeavesNoLinkAndTheNextPassIsRight() {
    List<Value> a = leaves("a", 40, 0.5);
    List<Value> b = leaves("b", 40, -0.25);
    Value f = wideSum(a, b);
    Value[] nodes = Backprop.propagationOrder(f);
    b.get(20).setData(3.0); // the 20th product is stale: the pass throws with terms still waiting
    IllegalStateException e = assertThrows(IllegalStateException.class, f::backward);
    assertEquals(true, e.getMessage().contains("\"b20\""), e.getMessage());
    assertNoLinkNorFlag(nodes);
    Value g = wideSum(a, b);
    Value[] again = Backprop.propagationOrder(g);
    g.backward();
    assertNoLinkNorFlag(again);
    assertWideSumGrads(a, b);
  }
}
