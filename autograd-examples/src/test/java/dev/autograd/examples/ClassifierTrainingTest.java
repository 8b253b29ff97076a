package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autograd.data.Datasets;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.optim.Adam;
import dev.autograd.optim.CrossEntropyLoss;
import dev.autograd.optim.History;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierTrainingTest {

  /** Trains iris as {@code iris --epochs 3} does, handing each epoch's line to {@code lines}. */
  private static History irisEpochs(List<String> lines) {
    ClassifierTraining.Parts parts = ClassifierTraining.Parts.of(Datasets.iris(), 0.2, 1);
    Mlp model = new Mlp(4, List.of(IrisClassifier.HIDDEN, 3), Activation.RELU, Init.XAVIER,
        new Random(1));
    return ClassifierTraining.trainer(model::forward, CrossEntropyLoss::of,
        new Adam(model.parameters(), 0.01), 3, 16, 1, true, parts.test(),
        data -> Predictions.classes(model, data), lines::add)
        .fit(parts.train().features(), parts.train().oneHotTargets());
  }

  @Test
  void theEpochLinesPrintedAfterTheProgressBarAreTheLinesPrintedWithoutIt() {
    List<String> live = new ArrayList<>();
    History history = irisEpochs(live);
    assertEquals("epoch   1  loss 0.8234  test accuracy 86.67%", live.get(0)); // README's line
    StringWriter after = new StringWriter();
    ClassifierTraining.printEpochLines(history, new PrintWriter(after, true));
    assertEquals(live, after.toString().lines().toList());
  }

  @Test
  void withoutATerminalOrWhenQuietNoBarHidesTheLinesSoNoneArePrintedAfterwards() {
    assertFalse(ClassifierTraining.progressBarShown(true));
    assumeTrue(System.console() == null, "the tests run without a terminal");
    assertFalse(ClassifierTraining.progressBarShown(false));
    StringWriter after = new StringWriter();
    ClassifierTraining.printEpochLinesHiddenByTheBar(irisEpochs(new ArrayList<>()), false,
        new PrintWriter(after, true));
    assertEquals("", after.toString());
  }
}
