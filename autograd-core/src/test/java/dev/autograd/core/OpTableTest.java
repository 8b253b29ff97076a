package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every entry of the op table against itself and the passes that read it: the node a {@code
 * Value} method builds has the table's forward value, its double derivative (what {@code
 * backward()} and {@code CompiledGraph} add) equals its {@code Value}-op derivative (what {@code
 * Gradients} builds) bit for bit, and compiled replay equals eager backprop. Iterates over {@link
 * Op#values()}, so a new op fails here until {@link #build} knows how to make it.
 */
class OpTableTest {
  private static final double[] POINTS = {
    -3.5, -1.25, -0.3, -0.0, 0.0, 0.4, 0.9, 1.0, 1.7, 2.0, 25.0, 45.0, -45.0
  };

  /** Builds a node of {@code op} from {@code a} and {@code b} through the public {@code Value} API. */
  static Value build(Op op, Value a, Value b) {
    switch (op) {
      case ADD: return a.add(b);
      case SUB: return a.sub(b);
      case MUL: return a.mul(b);
      case DIV: return a.div(b);
      case NEG: return a.neg();
      case SQUARE: return a.pow(2.0);
      case POW_CONST: return a.pow(b.data());
      case POW: return a.pow(b);
      case EXP: return a.exp();
      case LOG: return a.log();
      case TANH: return a.tanh();
      case RELU: return a.relu();
      case SIGMOID: return a.sigmoid();
      case ABS: return a.abs();
      case SQRT: return a.sqrt();
      case SIN: return a.sin();
      case COS: return a.cos();
      case MAX: return a.max(b);
      case MIN: return a.min(b);
      case LEAKY_RELU: return a.leakyRelu(b.data());
      case SOFTPLUS: return a.softplus();
      case STOP_GRADIENT: return a.stopGradient();
      default: throw new AssertionError("no builder for op " + op + ": add one with its tests");
    }
  }

  /**
   * The ops of one or two inputs, which a record holds: all but the leaf and the n-ary {@link
   * Op#DOT}, which a record holds as the chain of {@link Op#MUL} and {@link Op#ADD} it stands for
   * ({@code DotValueTest} checks it against that chain).
   */
  private static List<Op> ops() {
    List<Op> ops = new ArrayList<>(List.of(Op.values()));
    ops.remove(Op.LEAF);
    ops.remove(Op.DOT);
    return ops;
  }

  @Test
  void theDotIsTheOnlyOpOfManyInputsAndNoRecordHoldsIt() {
    for (Op op : Op.values()) {
      assertEquals(op == Op.DOT, op.kind == Op.Kind.NARY, op::toString);
    }
    Value x = Value.of(1.5);
    Value y = Value.of(-2.0);
    Value f = Value.dot(x, List.of(x, y), List.of(y, y)).tanh();
    RecordedGraph record = CompiledGraph.compile(f).recorded();
    List<RecordedGraph.Op> ops = new ArrayList<>();
    for (int i = record.leafCount(); i < record.size(); i++) {
      ops.add(record.op(i));
    }
    // By slot: the products p_2, p_1, then the sums s_1, s_2 (replayed backward from the top).
    assertEquals(List.of(RecordedGraph.Op.MUL, RecordedGraph.Op.MUL, RecordedGraph.Op.ADD,
        RecordedGraph.Op.ADD, RecordedGraph.Op.TANH), ops);
  }

  @Test
  void everyOpBuildsANodeOfItsOwnKindWithTheTablesForwardValue() {
    for (Op op : ops()) {
      for (double x : POINTS) {
        for (double y : new double[] {0.5, -1.5, 3.0}) {
          Value node = build(op, Value.of(x), Value.of(y));
          boolean square = op == Op.POW_CONST && y == 2.0;
          assertEquals(square ? Op.SQUARE : op, Op.of(node.op), op::toString);
          double b = op.kind == Op.Kind.LEAF || op.kind == Op.Kind.UNARY ? 0.0 : y;
          assertEquals(op.forward(x, b), node.data(), () -> op + " at " + x + ", " + y);
          assertEquals(op.kind == Op.Kind.BINARY ? 2 : 1, node.children().size(), op::toString);
        }
      }
    }
  }

  @Test
  void doubleAndValueDerivativesOfEveryOpAgreeBitForBit() {
    for (Op built : ops()) {
      for (double x : POINTS) {
        for (double y : new double[] {0.5, -1.5, 3.0, x}) {
          for (double g : new double[] {1.0, -0.75}) {
            Value node = build(built, Value.of(x), Value.of(y));
            Op op = Op.of(node.op); // pow(2.0) builds a SQUARE
            double b = node.right == null ? 0.0 : node.right.data;
            String where = op + " at " + x + ", " + y + ", upstream " + g;
            assertSame(op.leftGrad(x, b, node.data, g), op.leftGrad(node, Value.of(g)), where);
            if (op.kind == Op.Kind.BINARY) {
              assertSame(op.rightGrad(x, b, node.data, g), op.rightGrad(node, Value.of(g)), where);
            }
          }
        }
      }
    }
  }

  @Test
  void compiledReplayOfEveryOpEqualsEagerBackpropBitForBit() {
    for (Op op : ops()) {
      for (double x : POINTS) {
        Value a = Value.of(x);
        Value b = Value.of(0.75);
        Value out = build(op, a, b).mul(a.add(1.5)); // an upstream grad other than 1
        out.backward();
        double ga = a.grad();
        double gb = b.grad();
        CompiledGraph compiled = CompiledGraph.compile(out);
        assertEquals(out.data(), compiled.forwardBackward(), op::toString);
        assertEquals(ga, a.grad(), () -> op + " at " + x);
        if (op.kind == Op.Kind.BINARY) {
          assertEquals(gb, b.grad(), () -> op + " at " + x);
        }
      }
    }
  }

  @Test
  void aLeafHasNoForwardAndNoDerivative() {
    assertTrue(Value.of(1.0).isLeaf());
    assertEquals(Op.LEAF, Op.of(Value.of(1.0).op));
    for (Op op : Op.values()) {
      assertEquals(op, Op.of(op.code()));
      assertEquals(op.kind == Op.Kind.BINARY, Op.readsRight(op.code()));
    }
  }

  @Test
  void theRecordedGraphsPublicOpsMirrorTheTableByName() {
    List<String> table = new ArrayList<>();
    for (Op op : ops()) {
      table.add(op.name());
    }
    List<String> recorded = new ArrayList<>();
    for (RecordedGraph.Op op : RecordedGraph.Op.values()) {
      recorded.add(op.name());
      Op entry = Op.valueOf(op.name());
      assertEquals(entry.kind == Op.Kind.BINARY, op.binary(), op::toString);
      assertEquals(entry.forward(0.3, 1.7), RecordedGraph.forward(op, 0.3, 1.7), op::toString);
      assertEquals(entry.leftGrad(0.3, 1.7, 0.9, -2.0),
          RecordedGraph.leftGrad(op, 0.3, 1.7, 0.9, -2.0), op::toString);
    }
    assertEquals(table, recorded);
  }

  /** A null {@code Value} derivative means exactly zero. */
  private static void assertSame(double expected, Value actual, String where) {
    if (actual == null) {
      assertEquals(0.0, expected, 0.0, where + ": a null contribution must mean 0");
    } else {
      assertEquals(expected, actual.data(), where);
    }
    if (expected != 0.0 || Double.isNaN(expected)) {
      assertTrue(actual != null, where);
    } else if (actual == null) {
      assertNull(actual);
    }
  }
}
