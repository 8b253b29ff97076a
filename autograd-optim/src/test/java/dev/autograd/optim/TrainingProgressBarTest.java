package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autograd.nn.Activation;
import dev.autograd.nn.Init;
import dev.autograd.nn.Mlp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.Test;

class TrainingProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** 20 rows of 2 features and 1 target. */
  private static double[][] rows(long seed, int width) {
    Random random = new Random(seed);
    double[][] rows = new double[20][width];
    for (double[] row : rows) {
      for (int j = 0; j < width; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return rows;
  }

  private static Trainer trainer(int epochs) {
    Mlp model = new Mlp(2, List.of(4, 1), Activation.TANH, Init.XAVIER, new Random(1));
    return new Trainer(model::forward, MseLoss::of, new Adam(model.parameters(), 0.01))
        .epochs(epochs).batchSize(5);
  }

  /**
   * Each epoch's last minibatch waits until the library's update thread (every millisecond here)
   * has drawn the bar, so that the bar is on the line when the epoch ends and the metric and
   * {@code afterEpoch} print.
   */
  @Test
  void theLinesPrintedAfterEachEpochStayWholeAndInOrderAboveOneFinalBar() {
    int[] minibatches = {0};
    MinibatchGradients.Factory waitingForTheBar = (model, loss, parameters) -> {
      MinibatchGradients eager = Trainer.Mode.EAGER.create(model, loss, parameters);
      return (features, targets) -> {
        if (++minibatches[0] % 4 == 0) {
          awaitBarDrawn();
        }
        return eager.accumulate(features, targets);
      };
    };
    History history = trainer(12)
        .engine(waitingForTheBar)
        .progressBarOn(terminal, 100, 1)
        .metric("printed", () -> {
          terminal.println("metric line");
          return 0;
        })
        .afterEpoch(h -> terminal.println("epoch " + h.size()))
        .fit(rows(2, 2), rows(3, 1));
    assertEquals(12, history.size());
    assertFalse(written().contains("\u001b"), "the bar moved the cursor: " + written());

    List<String> screen = TerminalScreen.lines(written());
    List<String> expected = new ArrayList<>();
    for (int e = 1; e <= 12; e++) {
      expected.add("metric line");
      expected.add("epoch " + e);
    }
    assertEquals(expected, screen.subList(0, screen.size() - 1), String.join("\n", screen));
    String bar = screen.get(screen.size() - 1);
    assertTrue(bar.startsWith("train 100%") && bar.contains("48/48 batches")
        && bar.endsWith(" epoch 12/12 loss " + String.format(Locale.ROOT, "%.4f",
            history.loss()[11])), bar);
  }

  /** Waits until the bar is what the cursor's line shows last; fails after 10 s. */
  private void awaitBarDrawn() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      String text = written();
      if (text.substring(text.lastIndexOf('\r') + 1).startsWith("train ")
          && text.lastIndexOf('\r') > text.lastIndexOf('\n')) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "no bar drawn: " + text);
      Thread.onSpinWait();
    }
  }

  @Test
  void aQuietTrainerDrawsNoBar() {
    trainer(3).progressBarOn(terminal, 100, 1).quiet(true).fit(rows(2, 2), rows(3, 1));
    assertEquals("", written());
  }

  /**
   * The library's update thread renders whenever its timer fires; here its renderings are handed
   * to the line by hand at the moments that matter, so the test does not depend on timing.
   */
  @Test
  void aRenderingWhileTheLineIsErasedDrawsNothingAndTheNextOneDrawsBelowThePrintedLines() {
    TrainingProgressBar.ErasableLine line =
        new TrainingProgressBar.ErasableLine(new ConsoleProgressBarConsumer(terminal, 40));
    line.accept("bar 10%");
    line.hide();
    terminal.println("epoch 1");
    line.accept("bar 20%, drawn while hidden");
    assertEquals(List.of("epoch 1"), TerminalScreen.lines(written()));
    line.show();
    line.accept("bar 30%");
    line.hide();
    line.hide();
    terminal.println("epoch 2");
    line.show();
    line.accept("bar 40%");
    line.close();
    assertEquals(List.of("epoch 1", "epoch 2", "bar 40%"), TerminalScreen.lines(written()));
    assertTrue(written().endsWith("\n"), "the bar's line is ended on close");
  }

  /**
   * What the library does when {@code ProgressBar.close()} meets an update already running: that
   * update and the final one each draw the bar and close the consumer. The line shows one bar.
   */
  @Test
  void aDrawingAndCloseAfterTheLineEndedPrintNothing() {
    TrainingProgressBar.ErasableLine line =
        new TrainingProgressBar.ErasableLine(new ConsoleProgressBarConsumer(terminal, 40));
    terminal.println("epoch 12");
    line.accept("bar 100%");
    line.close();
    String ended = written();
    line.accept("bar 100%");
    line.close();
    assertEquals(ended, written());
    assertEquals(List.of("epoch 12", "bar 100%"), TerminalScreen.lines(written()));
  }

  @Test
  void theScreenFollowsCarriageReturnsLineFeedsAndCursorMoves() {
    assertEquals(List.of("bar 2", "b"), TerminalScreen.lines("bar 1\nb\u001b[1A\rbar 2\u001b[1B\r"));
    assertEquals(List.of("abc", "xyz"), TerminalScreen.lines("ab\r\nxyz\u001b[A\rabc   \n\n"));
  }
}
