package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  @Test
  void aLargeGraphWithSharedNodesListsEachNodeOnceAndInputsBeforeTheirUsers() {
    // Wide and deep at once, with reuse, so the search outgrows its first buffers.
    List<Value> leaves = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      leaves.add(Value.of(i * 0.1, "x" + i));
    }
    Value chain = leaves.get(0);
    for (int i = 1; i < leaves.size(); i++) {
      Value shared = leaves.get(i).mul(leaves.get(i - 1));
      chain = chain.add(shared).tanh().add(shared.neg()).pow(2).add(leaves.get(i / 2));
    }
    Value f = chain.mul(Value.sum(leaves.subList(10, 30)));
    Map<Value, Boolean> reachable = new IdentityHashMap<>();
    Deque<Value> todo = new ArrayDeque<>(List.of(f));
    int edges = 0;
    while (!todo.isEmpty()) {
      Value v = todo.pop();
      if (reachable.put(v, Boolean.TRUE) == null) {
        edges += v.children().size();
        todo.addAll(v.children());
      }
    }
    String dot = DotGraph.render(f);
    assertEquals(reachable.size(), count(dot, "shape=record"), "one record per node");
    assertEquals(edges + count(dot, "shape=ellipse"), count(dot, "->"), "one edge per input");
    Matcher edge = Pattern.compile("n(\\d+) -> n(\\d+)op;").matcher(dot);
    int checked = 0;
    while (edge.find()) {
      assertTrue(Integer.parseInt(edge.group(1)) < Integer.parseInt(edge.group(2)), edge.group());
      checked++;
    }
    assertEquals(edges, checked);
    f.backward();
    assertEquals(DotGraph.render(f).length(), DotGraph.render(f).length());
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
