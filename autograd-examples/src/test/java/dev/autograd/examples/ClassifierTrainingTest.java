package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autograd.data.Datasets;
import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import dev.autograd.optim.Adam;
import dev.autograd.optim.CrossEntropyLoss;
import dev.autograd.optim.History;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierTrainingTest {

  @Test
  void theTrainerPrintsEachEpochsLineAfterThatEpoch() {
    ClassifierTraining.Parts parts = ClassifierTraining.Parts.of(Datasets.iris(), 0.2, 1);
    Mlp model = new Mlp(4, List.of(IrisClassifier.HIDDEN, 3), Activation.RELU, Init.XAVIER,
        new Random(1));
    StringWriter out = new StringWriter();
    int[] linesSeenByEpoch = new int[3];
    History history = ClassifierTraining.trainer(model::forward, CrossEntropyLoss::of,
        new Adam(model.parameters(), 0.01), 3, 16, 1, true, parts.test(),
        data -> Predictions.classes(model, data), new PrintWriter(out, true))
        .stopWhen(h -> {
          linesSeenByEpoch[h.size() - 1] = (int) out.toString().lines().count();
          return false;
        })
        .fit(parts.train().features(), parts.train().oneHotTargets());
    List<String> lines = out.toString().lines().toList();
    assertEquals(3, history.size());
    assertEquals("epoch   1  loss 0.8234  test accuracy 86.67%", lines.get(0)); // README's line
    assertEquals(3, lines.size(), out::toString);
    assertEquals(List.of(1, 2, 3), List.of(linesSeenByEpoch[0], linesSeenByEpoch[1],
        linesSeenByEpoch[2]), "each line is printed when its epoch ends");
  }
}
