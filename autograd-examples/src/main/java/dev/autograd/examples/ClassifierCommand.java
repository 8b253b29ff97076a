package dev.autograd.examples;

import dev.autograd.data.Dataset;
import dev.autograd.optim.ConfusionMatrix;
import dev.autograd.optim.History;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A small classifier example's command ({@code breast-cancer}, {@code iris}): trains with the
 * parsed flags, warns if the loss diverged, then draws the pictures asked for.
 */
abstract class ClassifierCommand implements Callable<Integer> {
  /** The flags every classifier shares. */
  @Mixin final ClassifierFlags flags;

  @Spec private CommandSpec spec;

  private final String title;

  /** Returns a command whose pictures are titled {@code title}, seeded by default by seed. */
  ClassifierCommand(String title, long seed) {
    this.title = title;
    this.flags = new ClassifierFlags(seed);
  }

  /** What a run produced: the test part, its confusion matrix and the history. */
  record Result(Dataset test, ConfusionMatrix confusion, History history) {}

  /** Trains with the parsed flags, printing each epoch and the test accuracy to {@code out}. */
  abstract Result train(PrintWriter out);

  /** Trains with the parsed flags and draws the pictures asked for; returns 0. */
  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Result result = train(out);
    Cli.warnIfDiverged(spec.commandLine().getErr(), spec.qualifiedName(),
        result.history().loss());
    flags.drawConfusion(result.confusion(), result.test().classNames(), title, out);
    flags.drawHistory(result.history(), out);
    return 0;
  }
}
