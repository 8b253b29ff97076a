package dev.autograd.bench;

import dev.autograd.core.Value;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints what 10,000,000-node graphs cost: a deep chain ({@code y = y + x}, ten million times)
 * and a wide sum ({@code Value.sum} of five million leaves, ten million nodes), each built
 * (forward) and differentiated (backward) under whatever flags the JVM was started with — run it
 * with none to show that default flags suffice (no {@code StackOverflowError}, no
 * {@code OutOfMemoryError}).
 *
 * <p>Per graph it prints the heap the graph retains per node (heap used after a full GC, with and
 * without the graph), the bytes allocated per node while building and while differentiating
 * (this thread's allocation counter), and the peak heap use (sum of the heap pools' peaks: an
 * upper bound on the true peak, garbage included). It checks the results and exits with status 1
 * if one is wrong.
 *
 * <p>Run: {@code ./mvnw -B -q package -DskipTests} then {@code java -cp
 * autograd-core/target/classes:autograd-bench/target/classes dev.autograd.bench.ScaleReport}.
 */
public final class ScaleReport {
  private static final int NODES = 10_000_000;
  private static final double MIB = 1024.0 * 1024.0;

  private ScaleReport() {}

  /** Builds and differentiates both graphs and prints one report line per measure. */
  public static void main(String[] args) {
    Runtime rt = Runtime.getRuntime();
    System.out.printf("JVM %s, %s GC, max heap %.0f MiB, %d CPUs, flags %s%n",
        System.getProperty("java.vm.version"), collectors(), rt.maxMemory() / MIB,
        rt.availableProcessors(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    boolean ok = deepChain();
    ok &= wideSum();
    if (!ok) {
      System.exit(1);
    }
  }

  private static boolean deepChain() {
    Phase phase = new Phase();
    Value x = Value.of(1.0, "x");
    Value y = x;
    for (int i = 1; i < NODES; i++) {
      y = y.add(x);
    }
    phase.built();
    y.backward();
    phase.differentiated();
    phase.print("deep chain (y = y + x)", NODES);
    return check("deep chain", y.data(), NODES) & check("deep chain dy/dx", x.grad(), NODES);
  }

  private static boolean wideSum() {
    Phase phase = new Phase();
    int leaves = NODES / 2;
    List<Value> xs = new ArrayList<>(leaves);
    for (int i = 0; i < leaves; i++) {
      xs.add(Value.of(1.0));
    }
    Value total = Value.sum(xs);
    Value first = xs.get(0);
    Value last = xs.get(leaves - 1);
    xs = null; // only the graph stays reachable
    phase.built();
    total.backward();
    phase.differentiated();
    phase.print("wide sum (Value.sum of " + leaves + " leaves)", 2 * leaves + 1);
    return check("wide sum", total.data(), leaves)
        & check("wide sum d/dx_first", first.grad(), 1)
        & check("wide sum d/dx_last", last.grad(), 1);
  }

  private static boolean check(String what, double actual, double expected) {
    if (actual != expected) {
      System.out.println("WRONG: " + what + " = " + actual + ", expected " + expected);
      return false;
    }
    return true;
  }

  private static String collectors() {
    StringBuilder sb = new StringBuilder();
    ManagementFactory.getGarbageCollectorMXBeans()
        .forEach(gc -> sb.append(sb.length() == 0 ? "" : "/").append(gc.getName()));
    return sb.toString();
  }

  /** Heap and allocation counters around one graph's build and backward pass. */
  private static final class Phase {
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final long baseline;
    private final long startAllocated;
    private long retained;
    private long buildAllocated;
    private long backwardAllocated;
    private long peak;

    Phase() {
      baseline = usedAfterGc();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      startAllocated = allocated();
    }

    void built() {
      buildAllocated = allocated() - startAllocated;
      retained = usedAfterGc() - baseline;
    }

    void differentiated() {
      backwardAllocated = allocated() - startAllocated - buildAllocated;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
    }

    void print(String name, long nodes) {
      System.out.printf("%s: %,d nodes%n", name, nodes);
      System.out.printf("  retained by the graph: %.1f bytes/node (%.0f MiB)%n",
          (double) retained / nodes, retained / MIB);
      System.out.printf("  allocated while building: %.1f bytes/node%n",
          (double) buildAllocated / nodes);
      System.out.printf("  allocated by backward(): %.1f bytes/node%n",
          (double) backwardAllocated / nodes);
      System.out.printf("  peak heap used: %.0f MiB%n", peak / MIB);
    }

    private long allocated() {
      return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static long usedAfterGc() {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
  }
}
