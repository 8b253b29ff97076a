package dev.autograd.jit;

import dev.autograd.core.RecordedGraph;
import dev.autograd.core.RecordedGraph.Op;
import org.objectweb.asm.Opcodes;

/**
 * The bytecode of each op, forward and backward, in one place: the arithmetic that {@link
 * RecordedGraph.Op} documents for each constant (and {@code CompiledGraph} replays), in the same
 * order, so generated gradients equal the interpreter's bit for bit.
 */
final class OpEmitter implements Opcodes {
  private static final String MATH = "java/lang/Math";
  private static final String RECORD = "dev/autograd/core/RecordedGraph";
  private static final String KERNELS = "dev/autograd/jit/Kernels";
  private static final String UNARY = "(D)D";
  private static final String BINARY = "(DD)D";
  private static final String OP = "Ldev/autograd/core/RecordedGraph$Op;";
  private static final String OP_OWNER = "dev/autograd/core/RecordedGraph$Op";

  /** Loads the current data of a slot onto the stack (from a local or the data array). */
  interface DataLoader {
    void load(Code code, int slot);
  }

  private final RecordedGraph record;

  OpEmitter(RecordedGraph record) {
    this.record = record;
  }

  /** Pushes the forward value of interior slot {@code i}. */
  void forward(Code code, int i, DataLoader data) {
    Op op = record.op(i);
    int a = record.left(i);
    switch (op) {
      case ADD:
      case SUB:
      case MUL:
      case DIV:
        data.load(code, a);
        data.load(code, record.right(i));
        code.op(op == Op.ADD ? DADD : op == Op.SUB ? DSUB : op == Op.MUL ? DMUL : DDIV);
        break;
      case NEG:
        data.load(code, a);
        code.op(DNEG);
        break;
      case SQUARE:
        data.load(code, a);
        data.load(code, a);
        code.op(DMUL);
        break;
      case POW_CONST:
        data.load(code, a);
        code.pushDouble(record.constant(i));
        code.invokeStatic(RECORD, "pow", BINARY);
        break;
      case POW:
        data.load(code, a);
        data.load(code, record.right(i));
        code.invokeStatic(RECORD, "pow", BINARY);
        break;
      case EXP:
      case LOG:
      case TANH:
        data.load(code, a);
        code.invokeStatic(MATH, op.name().toLowerCase(java.util.Locale.ROOT), UNARY);
        break;
      case RELU:
        data.load(code, a);
        code.invokeStatic(KERNELS, "relu", UNARY);
        break;
      case SIGMOID:
        code.pushDouble(1.0);
        code.pushDouble(1.0);
        data.load(code, a);
        code.op(DNEG);
        code.invokeStatic(MATH, "exp", UNARY);
        code.op(DADD);
        code.op(DDIV);
        break;
      default: // any other op of the table, through the core's op table
        code.getStatic(OP_OWNER, op.name(), OP);
        data.load(code, a);
        if (op.binary()) {
          data.load(code, record.right(i));
        } else {
          code.pushDouble(record.constant(i));
        }
        code.invokeStatic(RECORD, "forward", "(" + OP + "DD)D");
        break;
    }
  }

  /**
   * Emits the propagation of interior slot {@code i}: reads its grad ({@code up}) and adds each
   * input's contribution into the grad array. Locals: 0 data, 1 grad, 2–3 {@code up}.
   */
  void backward(Code code, int i) {
    Op op = record.op(i);
    int a = record.left(i);
    code.local(ALOAD, 1);
    code.pushInt(i);
    code.op(DALOAD);
    code.local(DSTORE, 2);
    switch (op) {
      case ADD:
        accumulate(code, a, DADD, () -> up(code));
        accumulate(code, record.right(i), DADD, () -> up(code));
        break;
      case SUB:
        accumulate(code, a, DADD, () -> up(code));
        accumulate(code, record.right(i), DSUB, () -> up(code));
        break;
      case MUL: {
        int b = record.right(i);
        accumulate(code, a, DADD, () -> product(code, () -> data(code, b), () -> up(code)));
        accumulate(code, b, DADD, () -> product(code, () -> data(code, a), () -> up(code)));
        break;
      }
      case DIV: {
        int b = record.right(i);
        accumulate(code, a, DADD, () -> {
          up(code);
          data(code, b);
          code.op(DDIV);
        });
        accumulate(code, b, DADD, () -> recordGrad(code, "divRightGrad", a, b, i));
        break;
      }
      case NEG:
        accumulate(code, a, DSUB, () -> up(code));
        break;
      case SQUARE:
        accumulate(code, a, DADD, () -> {
          code.pushDouble(2.0);
          data(code, a);
          code.op(DMUL);
          up(code);
          code.op(DMUL);
        });
        break;
      case POW_CONST:
        accumulate(code, a, DADD, () -> {
          data(code, a);
          code.pushDouble(record.constant(i));
          up(code);
          code.invokeStatic(RECORD, "powBaseGrad", "(DDD)D");
        });
        break;
      case POW: {
        int b = record.right(i);
        accumulate(code, a, DADD, () -> recordGrad(code, "powBaseGrad", a, b));
        accumulate(code, b, DADD, () -> recordGrad(code, "powExponentGrad", a, b, i));
        break;
      }
      case EXP:
        accumulate(code, a, DADD, () -> product(code, () -> data(code, i), () -> up(code)));
        break;
      case LOG:
        accumulate(code, a, DADD, () -> {
          up(code);
          data(code, a);
          code.op(DDIV);
        });
        break;
      case TANH:
        accumulate(code, a, DADD, () -> recordGrad(code, "tanhGrad", a, i));
        break;
      case RELU:
        accumulate(code, a, DADD, () -> recordGrad(code, "reluGrad", i));
        break;
      case SIGMOID:
        accumulate(code, a, DADD, () -> recordGrad(code, "sigmoidGrad", a));
        break;
      default: { // any other op of the table, through the core's op table
        int b = op.binary() ? record.right(i) : -1;
        Runnable args = () -> {
          code.getStatic(OP_OWNER, op.name(), OP);
          data(code, a);
          if (b >= 0) {
            data(code, b);
          } else {
            code.pushDouble(record.constant(i));
          }
          data(code, i);
          up(code);
        };
        accumulate(code, a, DADD, () -> {
          args.run();
          code.invokeStatic(RECORD, "leftGrad", "(" + OP + "DDDD)D");
        });
        if (b >= 0) {
          accumulate(code, b, DADD, () -> {
            args.run();
            code.invokeStatic(RECORD, "rightGrad", "(" + OP + "DDDD)D");
          });
        }
        break;
      }
    }
  }

  /** {@code grad[slot] = grad[slot] (+ or -) contribution}. */
  private static void accumulate(Code code, int slot, int opcode, Runnable contribution) {
    code.local(ALOAD, 1);
    code.pushInt(slot);
    code.op(DUP2);
    code.op(DALOAD);
    contribution.run();
    code.op(opcode);
    code.op(DASTORE);
  }

  /**
   * Pushes the data of {@code slots} and then {@code up}, and calls {@code RECORD}'s static
   * {@code name} on them (it takes one double each and returns one).
   */
  private static void recordGrad(Code code, String name, int... slots) {
    for (int slot : slots) {
      data(code, slot);
    }
    up(code);
    code.invokeStatic(RECORD, name, "(" + "D".repeat(slots.length + 1) + ")D");
  }

  private static void product(Code code, Runnable left, Runnable right) {
    left.run();
    right.run();
    code.op(DMUL);
  }

  private static void data(Code code, int slot) {
    code.local(ALOAD, 0);
    code.pushInt(slot);
    code.op(DALOAD);
  }

  private static void up(Code code) {
    code.local(DLOAD, 2);
  }
}
