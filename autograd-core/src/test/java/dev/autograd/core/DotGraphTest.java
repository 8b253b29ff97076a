package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DotGraphTest {

  @Test
  void seedDemoOneRendersOneRecordPerNodeAndOneOvalPerOp() {
    Value x = Value.of(-2.0, "x");
    Value y = Value.of(5.0, "y");
    Value f = x.add(y).mul(y);
    f.backward();
    String dot = DotGraph.render(f);
    assertTrue(dot.startsWith("digraph {\n  rankdir=LR;\n"), dot);
    assertTrue(dot.contains("[shape=record, label=\"{ x | data -2.0000 | grad 5.0000 }\"]"), dot);
    assertTrue(dot.contains("[shape=record, label=\"{ y | data 5.0000 | grad 8.0000 }\"]"), dot);
    assertTrue(dot.contains("{  | data 15.0000 | grad 1.0000 }"), dot);
    assertEquals(4, count(dot, "shape=record"));
    assertEquals(2, count(dot, "shape=ellipse"));
    assertEquals(6, count(dot, "->"));
    assertTrue(dot.endsWith("}\n"));
  }

  @Test
  void renderingLeavesTheGraphReadyForBackward() {
    Value x = Value.of(3.0, "x");
    Value f = x.mul(x).add(x);
    DotGraph.render(f);
    f.backward();
    assertEquals(7.0, x.grad());
    DotGraph.render(f);
    assertEquals(DotGraph.render(f), DotGraph.render(f), "rendering is repeatable");
    f.backward();
    assertEquals(7.0, x.grad());
  }

  @Test
  void recordSpecialCharactersInLabelsAreEscaped() {
    String dot = DotGraph.render(Value.of(1.0, "a|b{c}"));
    assertTrue(dot.contains("a\\|b\\{c\\}"), dot);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
