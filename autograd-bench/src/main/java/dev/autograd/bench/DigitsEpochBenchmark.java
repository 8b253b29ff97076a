package dev.autograd.bench;

import dev.autograd.data.Dataset;
import dev.autograd.data.Datasets;
import dev.autograd.data.Standardizer;
import dev.autograd.data.TrainTestSplit;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.optim.Adam;
import dev.autograd.optim.CrossEntropyLoss;
import dev.autograd.optim.History;
import dev.autograd.optim.Trainer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training epoch of the digits classifier ({@code DigitsClassifier}'s set-up: {@code Mlp} 64
 * → 32 → 10 with ReLU, Xavier initialisation, softmax cross-entropy, Adam at learning rate 0.01,
 * minibatches of 32) over
 * the 1,437 training images of the stratified 80/20 split (seed 0), run by the library's {@link
 * Trainer} in each {@link Trainer.Mode}: {@code EAGER} builds every example's graph, {@code
 * REPLAYED} records one and replays it per example, {@code BATCHED} replays it over each whole
 * minibatch at once ({@code BatchedReplay}). The score is examples per second (one operation = one
 * example). Training goes on across invocations; an epoch's cost does not depend on the weights.
 *
 * <p>Throughput with 2 s iterations here; the fork and state come from {@link BenchmarkDefaults}.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * flock /tmp/jmh.lock java -jar autograd-bench/target/benchmarks.jar '\.DigitsEpochBenchmark' -f 1 -wi 3 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DigitsEpochBenchmark extends BenchmarkDefaults {
  /** Training images in the split: 1,797 less the 360 test images. */
  static final int TRAINING_IMAGES = 1437;

  /** How the trainer computes each example's gradient. */
  @Param({"EAGER", "REPLAYED", "BATCHED"})
  Trainer.Mode mode;

  Dataset train;
  double[][] targets;
  Trainer trainer;

  /** Loads and standardises the split, builds the model (seed 0), Adam and the trainer. */
  @Setup
  public void setUp() {
    TrainTestSplit split = TrainTestSplit.stratified(Datasets.digits(), 0.2, 0);
    train = Standardizer.fit(split.train()).transform(split.train());
    targets = new double[train.size()][10];
    for (int i = 0; i < train.size(); i++) {
      targets[i][train.label(i)] = 1.0;
    }
    Mlp model = new Mlp(64, List.of(32, 10), Activation.RELU, Init.XAVIER, new Random(0));
    trainer = new Trainer(model::forward, CrossEntropyLoss::of,
        new Adam(model.parameters(), 0.01)).batchSize(32).mode(mode).quiet(true);
  }

  /** Trains one epoch over the 1,437 images; returns its history (the epoch's mean loss). */
  @Benchmark
  @OperationsPerInvocation(TRAINING_IMAGES)
  public History epoch() {
    return trainer.fit(train.features(), targets);
  }
}
