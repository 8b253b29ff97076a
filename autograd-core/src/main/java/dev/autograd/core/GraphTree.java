package dev.autograd.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Prints a small {@link Value} graph as an indented tree, the output at the top and each node's
 * inputs below it, with every node's op, name, data and grad:
 *
 * <pre>{@code
 * f = *  data 15.0000  grad 1.0000
 * ├── n2 = +  data 3.0000  grad 5.0000
 * │   ├── x  data -2.0000  grad 5.0000
 * │   └── y  data 5.0000  grad 8.0000
 * └── y  data 5.0000  grad 8.0000
 * }</pre>
 *
 * <p>The inputs of a {@link Value#dot} node are marked with their role in {@code start + a1*b1 +
 * a2*b2 + ...}: {@code ├── start: b ...}, {@code ├── a1: w0 ...}, {@code ├── b1: x0 ...};
 * so are a {@link Value#dotRelu} node's, whose line also shows its pre-activation sum: {@code n5 =
 * relu(dot)  data 0.0000  sum -0.2500  grad 1.0000}.
 *
 * <p>A node's name is its label, or {@code n<k>} for an unlabelled node ({@code k} its position in
 * a topological order, the same names {@link BackwardTrace} uses). A node used by several others is
 * printed in full once and then as {@code <name>  (shown above)}, so the printout grows with the
 * number of nodes, not of paths (a leaf is one line and is printed in full each time). Data and grad are printed as {@link Value#toString()} prints them, four
 * decimals, except a nonzero number that would show as {@code 0.0000}, which prints with four
 * significant digits ({@code 6.100e-08}); NaN and infinities as Python prints them ({@code nan}, {@code inf}). For graphs of more
 * than {@code maxLines} lines the printout stops with a line saying so.
 */
public final class GraphTree {
  private GraphTree() {}

  /** The number of lines {@link #render(Value)} prints at most. */
  public static final int DEFAULT_MAX_LINES = 200;

  /**
   * Returns the tree of every node reachable from {@code output}, at most {@link
   * #DEFAULT_MAX_LINES} lines, each ending in a newline.
   *
   * @throws NullPointerException if {@code output} is null
   */
  public static String render(Value output) {
    return render(output, DEFAULT_MAX_LINES);
  }

  /**
   * Returns the tree of every node reachable from {@code output}, at most {@code maxLines} lines
   * plus one saying the printout was cut, each ending in a newline.
   *
   * @throws NullPointerException if {@code output} is null
   * @throws IllegalArgumentException if {@code maxLines < 1}
   */
  public static String render(Value output, int maxLines) {
    checkNotNull(output, "output");
    checkArgument(maxLines >= 1, "maxLines must be >= 1, got %s", maxLines);
    NodeNames names = new NodeNames(output);
    Set<Value> shown = Collections.newSetFromMap(new IdentityHashMap<>());
    StringBuilder sb = new StringBuilder();
    // Depth-first, iteratively: each entry is a node with the prefix of its line's indentation.
    Deque<Entry> stack = new ArrayDeque<>();
    stack.push(new Entry(output, "", ""));
    int lines = 0;
    while (!stack.isEmpty()) {
      if (lines == maxLines) {
        sb.append("... (cut at ").append(maxLines).append(" lines)\n");
        break;
      }
      Entry e = stack.pop();
      Value node = e.node();
      lines++;
      if (!node.isLeaf() && !shown.add(node)) {
        sb.append(e.branch()).append(names.of(node)).append("  (shown above)\n");
        continue;
      }
      sb.append(e.branch()).append(describe(node, names));
      List<Value> inputs = node.children();
      boolean dot = node.op == Op.DOT_CODE;
      for (int i = inputs.size() - 1; i >= 0; i--) {
        boolean last = i == inputs.size() - 1;
        String role = dot ? DotValue.role(i) + ": " : "";
        stack.push(new Entry(inputs.get(i), e.indent() + (last ? "└── " : "├── ") + role,
            e.indent() + (last ? "    " : "│   ")));
      }
    }
    return sb.toString();
  }

  private record Entry(Value node, String branch, String indent) {}

  private static String describe(Value v, NodeNames names) {
    String name = names.of(v) + (v.isLeaf() ? "" : " = " + v.op());
    // A fused relu-dot node shows its pre-activation sum too, the unfused dot node's data.
    String sum = v instanceof ReluDotValue
        ? "  sum " + PythonFormat.fixedOrScientific(((ReluDotValue) v).sum)
        : "";
    return name + "  data " + PythonFormat.fixedOrScientific(v.data()) + sum + "  grad "
        + PythonFormat.fixedOrScientific(v.grad()) + "\n";
  }
}
