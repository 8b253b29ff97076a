package dev.autograd.jit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A method body being emitted, with an upper bound on its bytecode length so far: the generator
 * closes a method before it reaches HotSpot's 8,000-byte limit for compiling it.
 */
final class Code implements Opcodes {
  private final MethodVisitor method;
  private int bytes;

  Code(MethodVisitor method) {
    this.method = method;
  }

  /** Returns an upper bound on the bytes emitted so far. */
  int bytes() {
    return bytes;
  }

  /** Emits an instruction without operands (arithmetic, array access, {@code dup2}). */
  void op(int opcode) {
    method.visitInsn(opcode);
    bytes += 1;
  }

  /** Pushes an int constant. */
  void pushInt(int value) {
    if (value >= -1 && value <= 5) {
      method.visitInsn(ICONST_0 + value);
      bytes += 1;
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      method.visitIntInsn(BIPUSH, value);
      bytes += 2;
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      method.visitIntInsn(SIPUSH, value);
      bytes += 3;
    } else {
      method.visitLdcInsn(value);
      bytes += 3;
    }
  }

  /** Pushes a double constant. */
  void pushDouble(double value) {
    if (Double.doubleToRawLongBits(value) == 0L) {
      method.visitInsn(DCONST_0);
      bytes += 1;
    } else if (value == 1.0) {
      method.visitInsn(DCONST_1);
      bytes += 1;
    } else {
      method.visitLdcInsn(value);
      bytes += 3;
    }
  }

  /** Loads or stores a local variable ({@code ALOAD}, {@code DLOAD}, {@code DSTORE}). */
  void local(int opcode, int index) {
    method.visitVarInsn(opcode, index);
    bytes += index <= 3 ? 1 : index <= 255 ? 2 : 4;
  }

  /** Calls a static method of {@code owner} with descriptor {@code descriptor}. */
  void invokeStatic(String owner, String name, String descriptor) {
    method.visitMethodInsn(INVOKESTATIC, owner, name, descriptor, false);
    bytes += 3;
  }

  /** Pushes the static field {@code owner.name} of type {@code descriptor}. */
  void getStatic(String owner, String name, String descriptor) {
    method.visitFieldInsn(GETSTATIC, owner, name, descriptor);
    bytes += 3;
  }

  /** Ends the method: {@code return} and the (computed) maxima. */
  void end() {
    method.visitInsn(RETURN);
    method.visitMaxs(0, 0);
    method.visitEnd();
  }
}
