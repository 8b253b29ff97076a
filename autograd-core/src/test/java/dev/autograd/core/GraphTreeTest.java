package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphTreeTest {

  private static Value demoOne() {
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    f.backward();
    return f;
  }

  @Test
  void printsDemoOneAsAnIndentedTreeWithDataAndGrad() {
    assertEquals("""
        n3 = *  data 15.0000  grad 1.0000
        ├── n2 = +  data 3.0000  grad 5.0000
        │   ├── x  data -2.0000  grad 5.0000
        │   └── y  data 5.0000  grad 8.0000
        └── y  data 5.0000  grad 8.0000
        """, GraphTree.render(demoOne()));
  }

  @Test
  void printsANodeUsedTwiceInFullOnceThenByName() {
    Value a = Value.of(2.0, "a");
    Value s = a.mul(a);
    Value out = s.add(s.exp());
    String tree = GraphTree.render(out);
    assertEquals(1, tree.lines().filter(l -> l.contains("n1 = *")).count(), tree);
    assertTrue(tree.contains("    └── n1  (shown above)"), tree);
  }

  @Test
  void cutsALongGraphAtTheGivenNumberOfLines() {
    Value v = Value.of(1.0, "x");
    for (int i = 0; i < 10_000; i++) {
      v = v.add(1.0);
    }
    String tree = GraphTree.render(v, 5);
    assertEquals(6, tree.lines().count(), tree);
    assertTrue(tree.endsWith("... (cut at 5 lines)\n"), tree);
    assertEquals(GraphTree.DEFAULT_MAX_LINES + 1, GraphTree.render(v).lines().count());
  }

  @Test
  void printsNonFiniteNumbersAsPythonDoes() {
    Value x = Value.of(-1.0, "x");
    assertTrue(GraphTree.render(x.log()).startsWith("n1 = log  data nan  grad 0.0000\n"),
        GraphTree.render(x.log()));
  }

  @Test
  void rejectsNullAndANonPositiveLineCount() {
    assertThrows(NullPointerException.class, () -> GraphTree.render(null));
    assertThrows(IllegalArgumentException.class, () -> GraphTree.render(Value.of(1), 0));
  }
}
