import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs several builds of {@code ThreadedDigitsEpochBenchmark} in one JVM, interleaved, so that
 * they are compared in the same minutes (this machine's two-thread figures change from minute to
 * minute). Each jar (a {@code benchmarks.jar}) gets its own class loader; every round runs each
 * build's 1-thread then 2-thread epoch for {@code seconds} each, in a rotating order, and prints
 * ms per epoch and the CPU other processes used in the round (percent of one CPU, from
 * {@code /proc}; rounds above a few percent are not quiet). A diagnostic, not a JMH benchmark:
 * the figures it prints are means over each slice, after 20 s of warm-up.
 *
 * <pre>
 * flock /tmp/jmh.lock java -Xmx3g autograd-bench/prototypes/InterleavedJars.java ROUNDS SECONDS \
 *   /tmp/before/benchmarks.jar /tmp/after/benchmarks.jar
 * </pre>
 */
public class InterleavedJars {
  static volatile double sink;
  static long[] cpu() throws Exception {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < f.length; i++) if (i != 4 && i != 5) busy += Long.parseLong(f[i]);
    String s = Files.readString(Path.of("/proc/self/stat"));
    String[] g = s.substring(s.lastIndexOf(')') + 2).split(" ");
    return new long[] {busy, Long.parseLong(g[11]) + Long.parseLong(g[12])};
  }
  static Object make(String jar, int threads, MethodHandle[] epoch) throws Throwable {
    ClassLoader cl = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> c = Class.forName("dev.autograd.bench.ThreadedDigitsEpochBenchmark", true, cl);
    Object b = c.getConstructor().newInstance();
    Field f = c.getDeclaredField("threads"); f.setAccessible(true); f.setInt(b, threads);
    c.getMethod("setUp").invoke(b);
    epoch[0] = MethodHandles.lookup().findVirtual(c, "epoch", MethodType.methodType(double.class)).bindTo(b);
    return b;
  }
  static double run(MethodHandle h, long nanos) throws Throwable {
    int n = 0; long t0 = System.nanoTime(); double s = 0;
    while (System.nanoTime() - t0 < nanos) { s += (double) h.invokeExact(); n++; }
    sink += s;
    return (System.nanoTime() - t0) / 1e6 / n;
  }
  public static void main(String[] a) throws Throwable {
    int rounds = Integer.parseInt(a[0]);
    long slice = (long) (Double.parseDouble(a[1]) * 1e9);
    int v = a.length - 2;
    MethodHandle[][] h = new MethodHandle[v][2];
    for (int i = 0; i < v; i++) for (int t = 0; t < 2; t++) { MethodHandle[] e = new MethodHandle[1]; make(a[i + 2], t + 1, e); h[i][t] = e[0]; }
    long end = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < end) for (MethodHandle[] x : h) for (MethodHandle y : x) sink += (double) y.invokeExact();
    StringBuilder head = new StringBuilder("round foreign%");
    for (int i = 0; i < v; i++) head.append(String.format(" | %-22s", a[i + 2].replaceAll(".*/(\\w+)/benchmarks.jar", "$1") + " 1thr 2thr ratio"));
    System.out.println(head);
    for (int r = 0; r < rounds; r++) {
      long[] c0 = cpu(); long t0 = System.nanoTime();
      double[][] ms = new double[v][2];
      for (int t = 0; t < 2; t++) for (int q = 0; q < v; q++) { int i = (q + r) % v; ms[i][t] = run(h[i][t], slice); }
      long[] c1 = cpu();
      double foreign = ((c1[0] - c0[0]) - (c1[1] - c0[1])) / ((System.nanoTime() - t0) / 1e9);
      StringBuilder sb = new StringBuilder(String.format("%5d %7.0f", r, foreign));
      for (int i = 0; i < v; i++) sb.append(String.format(" | %6.2f %6.2f %5.2fx", ms[i][0], ms[i][1], ms[i][0] / ms[i][1]));
      System.out.println(sb);
    }
    System.exit(0);
  }
}
