package dev.autograd.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random graphs made of dot-product chains, for {@link BatchedReplayProperties}: chains of random
 * lengths with a product, a node or a parameter as head, operands drawn among the nodes made so
 * far (so operands repeat, {@code dot(x, x)} included, and chains feed chains), MLP-like layers
 * (neurons over one shared vector, built in a random order), and nodes that break chains (a
 * partial sum or a product used again later) or sit between a chain's products and its top;
 * chains' outputs often feed an activation (mostly ReLU), alone or with another user.
 */
final class DotChainGraph {
  private static final double[] SPECIAL = {0.0, -0.0, 1.0, -1.0};

  private final Random random;
  private final List<Value> nodes = new ArrayList<>();
  private final List<Value> extras = new ArrayList<>();
  /** Each step's result, all summed into the output so that most of them are reachable. */
  private final List<Value> made = new ArrayList<>();
  private final StringBuilder description = new StringBuilder();
  private final Value output;

  private DotChainGraph(long seed) {
    random = new Random(seed);
    int inputs = 1 + random.nextInt(4);
    for (int i = 0; i < inputs; i++) {
      nodes.add(Value.of(random.nextGaussian(), "x" + i));
    }
    int steps = 1 + random.nextInt(8);
    for (int s = 0; s < steps; s++) {
      int kind = random.nextInt(10);
      if (kind < 5) {
        chain();
      } else if (kind < 7) {
        layer();
      } else if (kind == 7) {
        Value a = pick();
        made.add(random.nextBoolean() ? a.tanh() : a.relu());
        nodes.add(made.get(made.size() - 1));
        description.append("unary ");
      } else {
        Value a = pick();
        Value b = pick();
        made.add(random.nextBoolean() ? a.mul(b) : a.sub(b));
        nodes.add(made.get(made.size() - 1));
        description.append("binary ");
      }
    }
    Value out = nodes.get(nodes.size() - 1);
    for (Value step : made) {
      out = random.nextInt(3) == 0 ? out.mul(step) : out.add(step);
    }
    for (Value extra : extras) {
      out = out.add(extra.mul(parameter()));
    }
    output = random.nextInt(4) == 0 ? out.mul(-0.0) : out;
  }

  static DotChainGraph build(long seed) {
    return new DotChainGraph(seed);
  }

  Value output() {
    return output;
  }

  @Override
  public String toString() {
    return description.toString();
  }

  /** A recent node, more often than an old one. */
  private Value pick() {
    int n = nodes.size();
    int back = Math.min(n - 1, (int) Math.abs(random.nextGaussian() * 4));
    return nodes.get(n - 1 - back);
  }

  /** A new parameter leaf: usually Gaussian, sometimes 0, -0, 1 or -1. */
  private Value parameter() {
    double v = random.nextInt(5) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
        : random.nextGaussian();
    return Value.of(v, "p");
  }

  private void chain() {
    if (random.nextInt(3) == 0) {
      dotNode();
      return;
    }
    int length = 1 + random.nextInt(6);
    int head = random.nextInt(3);
    Value total;
    if (head == 0) {
      total = pick().mul(random.nextBoolean() ? pick() : parameter());
    } else {
      total = head == 1 ? pick() : parameter();
    }
    description.append("chain(").append(length).append(head == 0 ? ",product" : ",head");
    for (int k = 0; k < length; k++) {
      Value a = random.nextInt(3) == 0 ? parameter() : pick();
      Value b = random.nextInt(4) == 0 ? a : random.nextBoolean() ? pick() : parameter();
      Value product = random.nextBoolean() ? a.mul(b) : b.mul(a);
      total = total.add(product);
      if (random.nextInt(8) == 0) {
        extras.add(random.nextBoolean() ? total : product); // a second use breaks the chain
        description.append(",used");
      }
      if (random.nextInt(10) == 0) {
        nodes.add(a.mul(pick())); // another user of an operand, between the chain's nodes
        description.append(",between");
      }
    }
    description.append(") ");
    Value top = total;
    if (random.nextInt(3) == 0) { // an activation reads the chain's output, its only user or not
      total = activation(top);
      if (random.nextInt(3) == 0) {
        extras.add(top);
        description.append("+used ");
      }
    }
    nodes.add(total);
    made.add(total);
  }

  /**
   * A chain built as one fused node ({@link Value#dot}), which a record holds as the chain of
   * products and sums it stands for: the same operand choices as {@link #chain()}, without the
   * second uses of a partial sum or a product that a fused node has no place for.
   */
  private void dotNode() {
    int length = 1 + random.nextInt(6);
    Value start = random.nextBoolean() ? pick() : parameter();
    List<Value> as = new ArrayList<>();
    List<Value> bs = new ArrayList<>();
    for (int k = 0; k < length; k++) {
      Value a = random.nextInt(3) == 0 ? parameter() : pick();
      Value b = random.nextInt(4) == 0 ? a : random.nextBoolean() ? pick() : parameter();
      boolean swap = random.nextBoolean();
      as.add(swap ? b : a);
      bs.add(swap ? a : b);
    }
    description.append("dot(").append(length).append(") ");
    Value top = Value.dot(start, as, bs);
    Value total = random.nextInt(3) == 0 ? activation(top) : top;
    nodes.add(total);
    made.add(total);
  }

  /**
   * An activation of {@code x}: usually a ReLU (a select: its derivative sends {@code +0.0} where
   * the output is {@code ±0.0}, the upstream grad elsewhere, NaN included), else another op.
   */
  private Value activation(Value x) {
    int kind = random.nextInt(8);
    description.append(new String[] {"relu", "relu", "relu", "tanh", "abs", "sigmoid", "max0",
        "square"}[kind]).append(' ');
    switch (kind) {
      case 3:
        return x.tanh();
      case 4:
        return x.abs();
      case 5:
        return x.sigmoid();
      case 6:
        return x.max(parameter());
      case 7:
        return x.mul(x);
      default:
        return x.relu();
    }
  }

  private void layer() {
    int width = 1 + random.nextInt(5);
    List<Value> in = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      in.add(pick());
    }
    int neurons = 2 + random.nextInt(3);
    boolean relu = random.nextBoolean();
    description.append("layer(").append(width).append("x").append(neurons).append(") ");
    List<Value> out = new ArrayList<>();
    boolean fusedNodes = random.nextBoolean(); // each neuron one Value.dot node, as Neuron's
    for (int j = 0; j < neurons; j++) {
      Value act = parameter();
      if (fusedNodes) {
        List<Value> w = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
          w.add(parameter());
        }
        act = Value.dot(act, w, in);
      } else {
        for (Value x : in) {
          act = act.add(parameter().mul(x));
        }
      }
      out.add(relu ? act.relu() : act);
    }
    nodes.addAll(out);
    made.add(out.get(random.nextInt(out.size())));
  }
}
