package dev.autograd.core;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Names for the nodes of one graph, for the printouts that teach backprop: a node's label if it
 * has one, else {@code n<k>} with {@code k} its position in a topological order (inputs first).
 */
final class NodeNames {
  private final Map<Value, String> names = new IdentityHashMap<>();

  /** Names every node reachable from {@code output}. */
  NodeNames(Value output) {
    Value[] order = Backprop.topologicalOrder(output);
    Backprop.clearVisited(order, order.length);
    for (int i = 0; i < order.length; i++) {
      Value v = order[i];
      names.put(v, v.label().isEmpty() ? "n" + i : v.label());
    }
  }

  /** Returns the name of {@code node}, which must be reachable from the output. */
  String of(Value node) {
    return names.get(node);
  }

  /** Returns the number of named nodes. */
  int size() {
    return names.size();
  }
}
