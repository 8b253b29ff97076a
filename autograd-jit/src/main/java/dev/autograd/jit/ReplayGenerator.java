package dev.autograd.jit;

import dev.autograd.core.RecordedGraph;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits a record's replay as hidden classes, one per {@link ReplaySegment} of at most {@link
 * #SEGMENT_NODES} interior slots (which bounds each class's constant pool), each holding
 * straight-line static methods of at most about {@link #CHUNK_BYTES} bytes of bytecode (HotSpot
 * does not compile methods over 8,000 bytes). Within a forward method, every value it computes is
 * also kept in a local, and later reads in the same method load the local instead of the array.
 */
final class ReplayGenerator implements Opcodes {
  /** Interior slots per generated class. */
  static final int SEGMENT_NODES = 4096;
  /** A method is closed once its bytecode passes this length (one node adds under 100 bytes). */
  static final int CHUNK_BYTES = 7_000;

  private static final String NAME = "dev/autograd/jit/GeneratedReplay";
  private static final String FORWARD = "([D)V";
  private static final String BACKWARD = "([D[D)V";

  private final RecordedGraph record;
  private final OpEmitter emitter;

  private ReplayGenerator(RecordedGraph record) {
    this.record = record;
    this.emitter = new OpEmitter(record);
  }

  /** Returns the segments replaying every interior slot of {@code record}, in slot order. */
  static ReplaySegment[] generate(RecordedGraph record) {
    ReplayGenerator generator = new ReplayGenerator(record);
    List<ReplaySegment> segments = new ArrayList<>();
    for (int from = record.leafCount(); from < record.size(); from += SEGMENT_NODES) {
      segments.add(generator.segment(from, Math.min(record.size(), from + SEGMENT_NODES)));
    }
    return segments.toArray(new ReplaySegment[0]);
  }

  private ReplaySegment segment(int from, int to) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, "java/lang/Object",
        new String[] {"dev/autograd/jit/ReplaySegment"});
    MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    int forwardChunks = forwardChunks(cw, from, to);
    int backwardChunks = backwardChunks(cw, from, to);
    dispatch(cw, "forward", FORWARD, "f", forwardChunks, 1);
    dispatch(cw, "backward", BACKWARD, "b", backwardChunks, 2);
    cw.visitEnd();
    try {
      MethodHandles.Lookup lookup =
          MethodHandles.lookup().defineHiddenClass(cw.toByteArray(), true);
      return (ReplaySegment) lookup.findConstructor(
              lookup.lookupClass(), java.lang.invoke.MethodType.methodType(void.class))
          .invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("generated replay failed to load: " + e, e);
    }
  }

  /** Emits f0, f1, ... recomputing slots [from, to); returns how many. */
  private int forwardChunks(ClassWriter cw, int from, int to) {
    int[] localOf = new int[to - from];
    int chunks = 0;
    int i = from;
    while (i < to) {
      Code code = new Code(cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "f" + chunks, FORWARD, null,
          null));
      int chunkStart = i;
      int nextLocal = 1;
      Arrays.fill(localOf, 0);
      OpEmitter.DataLoader loader = (c, slot) -> {
        if (slot >= chunkStart && slot < to && localOf[slot - from] != 0) {
          c.local(DLOAD, localOf[slot - from]);
        } else {
          c.local(ALOAD, 0);
          c.pushInt(slot);
          c.op(DALOAD);
        }
      };
      while (i < to && code.bytes() < CHUNK_BYTES) {
        code.local(ALOAD, 0);
        code.pushInt(i);
        emitter.forward(code, i, loader);
        code.op(DUP2_X2);
        code.op(DASTORE);
        code.local(DSTORE, nextLocal);
        localOf[i - from] = nextLocal;
        nextLocal += 2;
        i++;
      }
      code.end();
      chunks++;
    }
    return chunks;
  }

  /** Emits b0, b1, ... propagating slots [from, to) last first; returns how many. */
  private int backwardChunks(ClassWriter cw, int from, int to) {
    int chunks = 0;
    int i = to - 1;
    while (i >= from) {
      Code code = new Code(cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "b" + chunks, BACKWARD, null,
          null));
      while (i >= from && code.bytes() < CHUNK_BYTES) {
        emitter.backward(code, i);
        i--;
      }
      code.end();
      chunks++;
    }
    return chunks;
  }

  /** Emits the interface method that calls the chunks {@code prefix0 .. prefix(n-1)} in order. */
  private static void dispatch(ClassWriter cw, String name, String descriptor, String prefix,
      int chunks, int arguments) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, descriptor, null, null);
    for (int k = 0; k < chunks; k++) {
      for (int a = 1; a <= arguments; a++) {
        mv.visitVarInsn(ALOAD, a);
      }
      mv.visitMethodInsn(INVOKESTATIC, NAME, prefix + k, descriptor, false);
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }
}
