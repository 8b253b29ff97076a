package dev.autograd.core;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Value} graph as Graphviz DOT text, like micrograd's {@code draw_dot}: one
 * record per node ({@code label | data | grad}), and for each node made by an operation a small
 * oval with the op feeding it; a {@link Value#dot} node's input edges are labelled with their role
 * ({@code start}, {@code a1}, {@code b1}, ...), as are a {@link Value#dotRelu} node's, whose
 * record also shows its pre-activation sum ({@code label | data | sum | grad}). Render with {@code dot -Tsvg graph.dot -o
 * graph.svg}.
 */
public final class DotGraph {
  private DotGraph() {}

  /**
   * Returns the DOT text of every node reachable from {@code output}, left to right.
   *
   * @throws NullPointerException if {@code output} is null
   */
  public static String render(Value output) {
    checkNotNull(output, "output");
    Value[] order = Backprop.topologicalOrder(output);
    Backprop.clearVisited(order, order.length);
    Map<Value, Integer> ids = new IdentityHashMap<>();
    StringBuilder sb = new StringBuilder("digraph {\n  rankdir=LR;\n");
    for (Value v : order) {
      int id = ids.size();
      ids.put(v, id);
      // A fused relu-dot node shows its pre-activation sum too, the unfused dot node's data.
      String sum = v instanceof ReluDotValue
          ? " | sum " + PythonFormat.fixed(((ReluDotValue) v).sum, 4)
          : "";
      sb.append(String.format(Locale.ROOT, "  n%d [shape=record, label=\"{ %s | data %s%s | grad %s }\"];%n",
          id, escape(v.label()), PythonFormat.fixed(v.data(), 4), sum,
          PythonFormat.fixed(v.grad(), 4)));
      if (!v.isLeaf()) {
        sb.append(String.format(Locale.ROOT, "  n%dop [shape=ellipse, label=\"%s\"];%n", id, escape(v.op())));
        sb.append(String.format(Locale.ROOT, "  n%dop -> n%d;%n", id, id));
        List<Value> children = v.children();
        for (int i = 0; i < children.size(); i++) {
          // A dot node's edges name each input's role in start + a1*b1 + a2*b2 + ...
          String role = v.op == Op.DOT_CODE ? " [label=\"" + DotValue.role(i) + "\"]" : "";
          sb.append(String.format(Locale.ROOT, "  n%d -> n%dop%s;%n", ids.get(children.get(i)), id,
              role));
        }
      }
    }
    return sb.append("}\n").toString();
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if ("{}|<>\"\\".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
