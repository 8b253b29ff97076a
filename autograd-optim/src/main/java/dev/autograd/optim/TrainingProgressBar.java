package dev.autograd.optim;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The {@link Trainer}'s progress bar over a run's minibatches: one line redrawn in place with a
 * carriage return, erased between epochs so that what the metrics, {@code afterEpoch} or {@code
 * stopWhen} print lands on lines of its own above it.
 *
 * <p>On a terminal that moves the cursor, the library's default consumer ({@code
 * InteractiveConsoleProgressBarConsumer}) prints the bar, then redraws it by moving the cursor up
 * one line: onto the last line anyone printed below it. This bar is drawn by the library's {@link
 * ConsoleProgressBarConsumer} instead, which only returns the carriage; its line is blanked by
 * {@link #eraseUntilNextStep()}, and the library's update thread (which renders the bar once a
 * second while it advances) draws nothing from then until the next {@link #step}.
 */
final class TrainingProgressBar implements AutoCloseable {
  private final ProgressBar bar;
  private final ErasableLine line;
  private boolean erased;

  private TrainingProgressBar(ProgressBar bar, ErasableLine line) {
    this.bar = bar;
    this.line = line;
  }

  /** Milliseconds between the update thread's redraws: the library's default, once a second. */
  static final int UPDATE_MILLIS = 1000;

  /**
   * Returns a bar over {@code steps} minibatches drawn on {@code out}, cut to {@code
   * maxRenderedLength} characters (the terminal's width if that is not positive), redrawn every
   * {@code updateMillis} milliseconds while it advances.
   */
  static TrainingProgressBar on(PrintStream out, int maxRenderedLength, int updateMillis,
      long steps) {
    ErasableLine line = new ErasableLine(new ConsoleProgressBarConsumer(out, maxRenderedLength));
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName("train")
        .setInitialMax(steps)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" batches", 1)
        .setUpdateIntervalMillis(updateMillis)
        .setConsumer(line)
        .build();
    return new TrainingProgressBar(bar, line);
  }

  /** Counts one minibatch done, with {@code message} after the bar; draws it again if erased. */
  void step(String message) {
    if (erased) {
      line.show();
      erased = false;
    }
    bar.step();
    bar.setExtraMessage(message);
  }

  /**
   * Blanks the bar's line and leaves the cursor at its start, where the next line printed goes;
   * the bar is not drawn again before the next {@link #step} (or {@link #close}).
   */
  void eraseUntilNextStep() {
    line.hide();
    erased = true;
  }

  /** Draws the bar a last time, ends its line and stops its updates. */
  @Override
  public void close() {
    line.show();
    bar.close();
  }

  /**
   * A consumer that passes the renderings of the library's update thread to a carriage-return
   * line unless hidden; both threads go through its lock, so no rendering lands while hidden.
   */
  static final class ErasableLine implements ProgressBarConsumer {
    private final ConsoleProgressBarConsumer line;
    private boolean hidden;
    private boolean drawn;
    /**
     * Set once the line has ended. {@link ProgressBar#close()} (progressbar 0.10.1) cancels the
     * periodic update without interrupting one already running, marks the progress finished, then
     * runs a final update; each update that sees it finished draws the bar and closes this
     * consumer. So an update running at the time of {@code close()} drew the bar and ended the line
     * a second time, a second bar under the first (seen once in {@code TrainingProgressBarTest}).
     * After the first close, nothing more is drawn.
     */
    private boolean closed;

    ErasableLine(ConsoleProgressBarConsumer line) {
      this.line = line;
    }

    @Override
    public int getMaxRenderedLength() {
      return line.getMaxRenderedLength();
    }

    @Override
    public synchronized void accept(String rendered) {
      if (!hidden && !closed) {
        line.accept(rendered);
        drawn = true;
      }
    }

    /** Blanks the line if the bar is on it (spaces, then a carriage return) and hides the bar. */
    synchronized void hide() {
      if (drawn) {
        line.clear();
        line.accept("");
        drawn = false;
      }
      hidden = true;
    }

    synchronized void show() {
      hidden = false;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        line.close();
      }
    }
  }
}
