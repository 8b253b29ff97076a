package dev.autograd.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every benchmark here shares, written once as JMH's own samples do (Sample_24,
 * inheritance): average time per operation in microseconds, 3 warm-up and 5 measured iterations
 * of 1 s, one fork, a state per thread. JMH reads these annotations from the superclass; a
 * benchmark that needs another unit or heap re-annotates only that ({@link GraphBenchmark}).
 * Command-line flags ({@code -f -wi -i -r}) override all of them.
 *
 * <p>Not final: JMH generates subclasses of benchmark state classes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public abstract class BenchmarkDefaults {}
