package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.core.Value;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  private static final int STEPS = 12;
  private static final int SAVED_AT = 5;

  @TempDir Path dir;

  /** A 2 → 3 → 1 tanh network fitted by full-batch MSE to four points. */
  private static final class Run {
    final Mlp model;
    final Optimizer optimizer;

    Run(long initSeed, Function<List<Value>, Optimizer> optimizer) {
      model = new Mlp(2, List.of(3, 1), Activation.TANH, Init.XAVIER, new Random(initSeed));
      this.optimizer = optimizer.apply(model.parameters());
    }

    void steps(int n) {
      double[][] xs = {{0.5, -1}, {1, 2}, {-1.5, 0.25}, {2, -0.5}};
      double[] ys = {1, -0.5, 0.75, 0.2};
      for (int s = 0; s < n; s++) {
        List<Value> predictions = new ArrayList<>();
        List<Value> targets = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
          predictions.add(model.forward(List.of(Value.of(xs[i][0]), Value.of(xs[i][1]))).get(0));
          targets.add(Value.of(ys[i]));
        }
        optimizer.zeroGrad();
        MseLoss.of(predictions, targets).backward();
        optimizer.step();
      }
    }
  }

  private void assertResumedRunEqualsUninterrupted(Function<List<Value>, Optimizer> factory)
      throws IOException {
    Run straight = new Run(1, factory);
    straight.steps(STEPS);

    Run first = new Run(1, factory);
    first.steps(SAVED_AT);
    Path saved = dir.resolve("at-" + SAVED_AT + ".txt");
    Checkpoint.save(first.optimizer, saved);
    Run resumed = new Run(99, factory); // another start: everything must come from the file
    Checkpoint.load(resumed.optimizer, saved);
    resumed.steps(STEPS - SAVED_AT);

    List<Value> expected = straight.model.parameters();
    List<Value> actual = resumed.model.parameters();
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(Double.doubleToRawLongBits(expected.get(i).data()),
          Double.doubleToRawLongBits(actual.get(i).data()), "parameter " + i);
    }
    // The optimizer state too: both checkpoints are the same text.
    assertEquals(text(straight.optimizer), text(resumed.optimizer));
  }

  private String text(Optimizer optimizer) throws IOException {
    Path file = Files.createTempFile(dir, "checkpoint", ".txt");
    Checkpoint.save(optimizer, file);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void adamResumedFromACheckpointEqualsAnUninterruptedRunBitForBit() throws IOException {
    assertResumedRunEqualsUninterrupted(params -> new Adam(params, 0.05));
  }

  @Test
  void adamWResumedFromACheckpointEqualsAnUninterruptedRunBitForBit() throws IOException {
    assertResumedRunEqualsUninterrupted(params -> new AdamW(params, 0.05, 0.1));
  }

  @Test
  void sgdWithMomentumResumedFromACheckpointEqualsAnUninterruptedRunBitForBit()
      throws IOException {
    assertResumedRunEqualsUninterrupted(params -> new Sgd(params, 0.1, Momentum.NESTEROV, 0.9));
  }

  @Test
  void theLearningRateSetByAScheduleIsRestored() throws IOException {
    Run run = new Run(1, params -> new Adam(params, 0.05));
    run.optimizer.setLearningRate(0.0125);
    Path file = dir.resolve("lr.txt");
    Checkpoint.save(run.optimizer, file);
    Run other = new Run(1, params -> new Adam(params, 0.05));
    Checkpoint.load(other.optimizer, file);
    assertEquals(0.0125, other.optimizer.learningRate(), 0.0);
  }

  @Test
  void theFileIsParameterBlocksWithTheOptimizerNamedFirst() throws IOException {
    Value w = Value.of(0.25);
    Value b = Value.of(-0.5);
    Adam adam = new Adam(List.of(w, b), 0.1);
    w.setGrad(1.0);
    b.setGrad(-2.0);
    adam.step();
    // After one step: t = 1, m = (1 - 0.9) g, v = (1 - 0.999) g^2.
    assertEquals("autograd-checkpoint 1 Adam\n"
        + "autograd-parameters 1 2\n" + w.data() + "\n" + b.data() + "\n"
        + "autograd-optimizer-state 1 6\n0.1\n1.0\n"
        + (1 - 0.9) * 1.0 + "\n" + (1 - 0.9) * -2.0 + "\n" + (1 - 0.999) * 1.0 + "\n"
        + (1 - 0.999) * 4.0 + "\n", text(adam));
  }

  @Test
  void badFilesAreRejectedNamingFileAndLineAndChangeNothing() throws IOException {
    Run run = new Run(1, params -> new Adam(params, 0.05));
    run.steps(3);
    String good = text(run.optimizer);
    String[] lines = good.split("\n");
    int params = run.model.parameters().size();
    int stateHeader = 2 + params; // 0-based index of the state block's header
    assertRejected(run, "", "line 1: expected 'autograd-checkpoint 1 Adam', found an empty file");
    assertRejected(run, good.replace("1 Adam", "1 Sgd"),
        "line 1: expected 'autograd-checkpoint 1 Adam', found 'autograd-checkpoint 1 Sgd'");
    assertRejected(run, good.replace("autograd-parameters 1 " + params,
        "autograd-parameters 1 " + (params + 1)), "line 2: expected " + params
        + " values but the header declares " + (params + 1));
    assertRejected(run, replaceLine(lines, 4, "zero"),
        "line 5: expected a number for value 2, found 'zero'");
    assertRejected(run, String.join("\n", List.of(lines).subList(0, stateHeader + 3)),
        "expected " + (2 + 2 * params) + " value lines after the header on line "
        + (stateHeader + 1) + ", found 2");
    assertRejected(run, replaceLine(lines, stateHeader + 1, "-0.1"),
        "line " + (stateHeader + 2) + ": expected a learning rate, positive and finite, found "
        + "-0.1");
    assertRejected(run, replaceLine(lines, stateHeader + 2, "2.5"),
        "line " + (stateHeader + 3) + ": expected a whole number of steps from 0 to 2^53, found "
        + "2.5");
    assertRejected(run, replaceLine(lines, lines.length - 1, "-1e-9"),
        "line " + lines.length + ": expected a non-negative second moment, found -1.0E-9");
    assertRejected(run, good + "0.5\n",
        "line " + (lines.length + 1) + ": expected the end of the file, found '0.5'");
  }

  @Test
  void aNegativeStartedFlagIsRejectedForSgd() throws IOException {
    Run run = new Run(1, params -> new Sgd(params, 0.1, Momentum.CLASSICAL, 0.5));
    run.steps(1);
    String[] lines = text(run.optimizer).split("\n");
    int startedLine = 2 + run.model.parameters().size() + 2; // 0-based
    assertRejected(run, replaceLine(lines, startedLine, "-1.0"),
        "line " + (startedLine + 1) + ": expected 0 or 1 (whether a step was taken), found -1.0");
  }

  @Test
  void onlyThisPackagesOptimizersCanBeSaved() {
    Optimizer custom = new Optimizer() {
      @Override
      public void step() {}

      @Override
      public List<Value> parameters() {
        return List.of();
      }

      @Override
      public double learningRate() {
        return 1;
      }

      @Override
      public void setLearningRate(double lr) {}
    };
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checkpoint.save(custom, dir.resolve("x")));
    assertTrue(e.getMessage().startsWith("a checkpoint stores the state of Sgd, Adam and AdamW"),
        e.getMessage());
    assertThrows(NullPointerException.class, () -> Checkpoint.save(null, dir.resolve("x")));
    assertThrows(NullPointerException.class,
        () -> Checkpoint.load(new Adam(List.of(Value.of(1)), 0.1), null));
  }

  @Test
  void aMissingFileThrowsIoException() {
    assertThrows(IOException.class,
        () -> Checkpoint.load(new Adam(List.of(Value.of(1)), 0.1), dir.resolve("absent")));
  }

  @Test
  void aDivergedRunsNonFiniteParametersAndMomentsAreSavedAndRestoredAsTheyAre()
      throws IOException {
    Value a = Value.of(Double.NaN);
    Value b = Value.of(Double.NEGATIVE_INFINITY);
    Adam adam = new Adam(List.of(a, b), 0.1);
    a.setGrad(1);
    b.setGrad(Double.POSITIVE_INFINITY);
    adam.step(); // b's moments become infinite, its data NaN
    Path file = dir.resolve("diverged.txt");
    Checkpoint.save(adam, file);
    String saved = Files.readString(file);
    assertTrue(saved.contains("\nNaN\n") && saved.contains("\nInfinity\n"), saved);
    Value a2 = Value.of(0);
    Value b2 = Value.of(0);
    Adam resumed = new Adam(List.of(a2, b2), 0.5);
    Checkpoint.load(resumed, file);
    assertEquals(text(adam), text(resumed));
  }

  @Test
  void aDirectoryIsNeitherReplacedBySaveNorReadByLoadAndTheErrorNamesIt() throws IOException {
    // save replaced an empty directory with the file (a move with REPLACE_EXISTING) and threw
    // DirectoryNotEmptyException for another; load threw "Is a directory", naming no file.
    Adam adam = new Adam(List.of(Value.of(1)), 0.1);
    Path empty = Files.createDirectory(dir.resolve("empty"));
    IOException saved = assertThrows(IOException.class, () -> Checkpoint.save(adam, empty));
    assertEquals(empty + " is a directory, not a checkpoint file", saved.getMessage());
    assertTrue(Files.isDirectory(empty));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(empty), files.toList(), "no temporary file left behind");
    }
    IOException loaded = assertThrows(IOException.class, () -> Checkpoint.load(adam, empty));
    assertEquals(empty + " is a directory, not a checkpoint file", loaded.getMessage());
    assertThrows(IOException.class, () -> Checkpoint.save(adam, Path.of("/")));
  }

  private static String replaceLine(String[] lines, int index, String replacement) {
    String[] copy = lines.clone();
    copy[index] = replacement;
    return String.join("\n", copy) + "\n";
  }

  private void assertRejected(Run run, String content, String expectedPart) throws IOException {
    String before = text(run.optimizer);
    Path file = Files.createTempFile(dir, "bad", ".txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Checkpoint.load(run.optimizer, file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
    assertEquals(before, text(run.optimizer), "the model and optimizer are unchanged");
  }
}
