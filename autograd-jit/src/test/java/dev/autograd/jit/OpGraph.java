package dev.autograd.jit;

import dev.autograd.core.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an expression graph from a list of random integers, in the style of the core tests'
 * {@code RandomGraph}: each integer picks one of the 22 recorded ops, a fused dot product ({@code
 * Value.dot}), a fused relu-dot node ({@code Value.dotRelu}) or a layer of them, and its operands
 * among the nodes made so far (so nodes are reused, also as both operands). No domain checks: NaN
 * and infinities are part of what replay must reproduce. The structure depends only on the program,
 * so the same program over other leaf values builds the same graph.
 */
final class OpGraph {
  private static final double[] EXPONENTS = {2, 3, -1, 0.5, 1.5};

  private final List<Value> leaves = new ArrayList<>();
  private final List<Value> nodes = new ArrayList<>();

  OpGraph(List<Integer> program, double[] point) {
    for (double x : point) {
      Value leaf = Value.of(x);
      leaves.add(leaf);
      nodes.add(leaf);
    }
    for (int code : program) {
      nodes.add(step(code));
    }
  }

  Value output() {
    return nodes.get(nodes.size() - 1);
  }

  List<Value> leaves() {
    return leaves;
  }

  private Value step(int code) {
    int rest = code / 13;
    Value a = nodes.get(rest % nodes.size());
    Value b = nodes.get((rest / 256) % nodes.size());
    switch (code % 25) {
      case 0:
        return a.add(b);
      case 1:
        return a.sub(b);
      case 2:
        return a.mul(b);
      case 3:
        return a.div(b);
      case 4:
        return a.neg();
      case 5:
        return a.pow(EXPONENTS[(rest / 65536) % EXPONENTS.length]);
      case 6:
        return a.pow(b);
      case 7:
        return a.exp();
      case 8:
        return a.log();
      case 9:
        return a.tanh();
      case 10:
        return a.relu();
      case 11:
        return a.sigmoid();
      case 12:
        return a.abs();
      case 13:
        return a.sqrt();
      case 14:
        return a.sin();
      case 15:
        return a.cos();
      case 16:
        return a.max(b);
      case 17:
        return a.min(b);
      case 18:
        return a.leakyRelu(0.01 * (1 + (rest / 65536) % 7));
      case 19:
        return a.softplus();
      case 20: // a fused dot product, recorded as its chain of products and sums
        return Value.dot(a, List.of(b, a, b), List.of(b, b, nodes.get((rest / 65536) % nodes.size())));
      case 21:
        return a.stopGradient();
      case 22: { // a fused relu-dot node, recorded as a relu over its chain
        Value c = nodes.get((rest / 65536) % nodes.size());
        return Value.dotRelu(a, List.of(b, a), List.of(b, c));
      }
      case 23: { // a relu layer over one vector: fused nodes of one level, laid out as a batch
        List<Value> x = Value.vector(List.of(a, b));
        Value sum = Value.of(0.0);
        for (int j = 0; j < 3; j++) {
          Value w0 = leaves.get(j % leaves.size());
          Value w1 = leaves.get((j + 1 + rest / 65536) % leaves.size());
          sum = sum.add(Value.dotRelu(Value.of(0.25 * j - 0.25), List.of(w0, w1), x));
        }
        return sum;
      }
      default:
        return a.pow(2);
    }
  }
}
