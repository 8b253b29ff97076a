package dev.autograd.bench;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.data.Standardizer;
import dev.autograd.data.TrainTestSplit;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.nn.Softmax;
import dev.autograd.optim.Adam;
import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.CrossEntropyLoss;
import dev.autograd.optim.History;
import dev.autograd.optim.Trainer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The digits classifier trained to 96% test accuracy once, in a fresh JVM: what {@code
 * autograd-bench/compare-sklearn.sh} times, as a JMH figure. Each fork loads and standardises the
 * split (seed 0) in its set-up, then the one measured invocation builds the {@code Mlp} 64 → 32 →
 * 10 (ReLU, Xavier, seed 0) and its {@link Adam} (learning rate 0.01) and trains with the {@link
 * Trainer} (minibatches of 32, the default engine) until the first epoch whose test accuracy is at
 * least 0.96, evaluating the 360 test images after each epoch with {@code Mlp.predict}: the work
 * inside {@code DigitsClassifier}'s clock, without its printing. Single-shot time, no warm-up, one
 * invocation per fork: every score is a cold run (interpreter, JIT warm-up and the first loading
 * of the training classes included; the JVM's start-up and JMH's own are not). JVM flags go in
 * with {@code -jvmArgsAppend}.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * flock /tmp/jmh.lock java -jar autograd-bench/target/benchmarks.jar '\.DigitsColdBenchmark' -f 11
 * flock /tmp/jmh.lock java -jar autograd-bench/target/benchmarks.jar '\.DigitsColdBenchmark' -f 11 \
 *     -jvmArgsAppend '-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1'
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(11)
public class DigitsColdBenchmark extends BenchmarkDefaults {
  /** The test accuracy training stops at, as compare-sklearn.sh's default target. */
  static final double TARGET = 0.96;

  Dataset train;
  Dataset test;
  double[][] targets;

  /** Loads and standardises the split (seed 0) and one-hot encodes the training labels. */
  @Setup
  public void setUp() {
    TrainTestSplit split = TrainTestSplit.stratified(Datasets.digits(), 0.2, 0);
    Standardizer scaler = Standardizer.fit(split.train());
    train = scaler.transform(split.train());
    test = scaler.transform(split.test());
    targets = new double[train.size()][10];
    for (int i = 0; i < train.size(); i++) {
      targets[i][train.label(i)] = 1.0;
    }
  }

  /** Builds the model and Adam and trains to the target; returns the history (3 epochs). */
  @Benchmark
  public History toTargetAccuracy() {
    Mlp model = new Mlp(64, List.of(32, 10), Activation.RELU, Init.XAVIER, new Random(0));
    Adam adam = new Adam(model.parameters(), 0.01);
    return new Trainer(model::forward, CrossEntropyLoss::of, adam)
        .epochs(60).batchSize(32).shuffleSeed(0).quiet(true)
        .metric("test accuracy", () -> accuracy(model))
        .stopWhen(h -> h.metric("test accuracy")[h.size() - 1] >= TARGET)
        .fit(train.features(), targets);
  }

  private double accuracy(Mlp model) {
    int[] predicted = new int[test.size()];
    for (int i = 0; i < predicted.length; i++) {
      predicted[i] = Softmax.argmax(model.predict(test.features(i)));
    }
    return ConfusionMatrix.accuracy(test.labels(), predicted);
  }
}
