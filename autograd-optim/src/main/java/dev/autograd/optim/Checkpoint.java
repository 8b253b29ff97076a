package dev.autograd.optim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.autograd.core.Value;
import dev.autograd.nn.ParameterFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Saves and restores a training checkpoint: the parameters an optimizer updates and the
 * optimizer's own state, so that training resumed from a checkpoint takes exactly the steps,
 * bit for bit, that an uninterrupted run takes (as {@code torch.save} of a model's and an
 * optimizer's {@code state_dict}).
 *
 * <h2>Format</h2>
 *
 * UTF-8 text in three parts, the last two in {@link ParameterFile}'s block format (a header
 * {@code name 1 N}, then {@code N} numbers written by {@link Double#toString(double)}, which reads
 * back to the same double):
 *
 * <pre>
 * autograd-checkpoint 1 Adam
 * autograd-parameters 1 2        the parameters' data, in {@link Optimizer#parameters()} order
 * 0.25
 * -0.5
 * autograd-optimizer-state 1 6   the learning rate, then the optimizer's state:
 * 0.1                              Adam, AdamW: the step count t, every m, every v
 * 3.0                              Sgd: 1 once a step was taken (else 0), every momentum buffer
 * ...
 * </pre>
 *
 * The hyper-parameters other than the learning rate (betas, eps, momentum, weight decay) are not
 * stored: they come from the code that builds the optimizer, as the model's shape does. A final
 * line break is optional; nothing else may follow.
 *
 * <p>Non-finite numbers: a diverged run's NaN or infinite parameters, moments and momentum buffers
 * are saved ({@code NaN}, {@code Infinity}) and restored as they are, so such a run resumes as it
 * would have continued; only the learning rate must be positive and finite, and Adam's step count
 * and second moments must be in range (a NaN second moment is accepted).
 */
public final class Checkpoint {
  /** The format name on the first line. */
  public static final String FORMAT = "autograd-checkpoint";

  /** The format version on the first line. */
  public static final int VERSION = 1;

  /** The name of the block that holds the learning rate and the optimizer's state. */
  public static final String STATE_BLOCK = "autograd-optimizer-state";

  private Checkpoint() {}

  /**
   * Writes the data of every parameter of {@code optimizer} and its state to {@code path},
   * replacing the file if it exists. The text goes to a temporary file beside {@code path} first,
   * then is moved into place, so a failed save leaves any earlier checkpoint whole.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code optimizer} is not one of this package's optimizers
   *     ({@link Sgd}, {@link Adam}, {@link AdamW}), whose state this class knows
   * @throws IOException if the file cannot be written, or {@code path} is a directory (left as it
   *     is)
   */
  public static void save(Optimizer optimizer, Path path) throws IOException {
    AbstractOptimizer opt = known(optimizer);
    checkNotNull(path, "path");
    List<Value> params = opt.parameters();
    double[] data = new double[params.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = params.get(i).data();
    }
    double[] state = opt.state();
    double[] withRate = new double[state.length + 1];
    withRate[0] = opt.learningRate();
    System.arraycopy(state, 0, withRate, 1, state.length);
    String text = FORMAT + " " + VERSION + " " + kind(opt) + "\n"
        + ParameterFile.block(ParameterFile.FORMAT, data)
        + ParameterFile.block(STATE_BLOCK, withRate);
    Path absolute = path.toAbsolutePath();
    checkNotDirectory(path);
    Path temporary = Files.createTempFile(absolute.getParent(), ".checkpoint", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Reads {@code path} and restores the data of every parameter of {@code optimizer}, its
   * learning rate and its state. The whole file is checked first: if anything is wrong, neither
   * the parameters nor the optimizer change.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code optimizer} is not one of this package's optimizers;
   *     or if the file is not UTF-8 text, its first line is not {@code autograd-checkpoint 1 K}
   *     with {@code K} the optimizer's class name, a block's header or count disagrees with the
   *     optimizer (another number of parameters or state values), a line is not a number, a state
   *     value is out of range (a learning rate that is not positive and finite, a step count that
   *     is not a whole number, a negative second moment), or lines follow the last block; the
   *     message names the file, the line and what was expected and found
   * @throws IOException if the file cannot be read, or {@code path} is a directory
   */
  public static void load(Optimizer optimizer, Path path) throws IOException {
    AbstractOptimizer opt = known(optimizer);
    checkNotNull(path, "path");
    checkNotDirectory(path);
    List<String> lines = ParameterFile.readLines(path);
    String expectedFirst = FORMAT + " " + VERSION + " " + kind(opt);
    if (lines.isEmpty() || !lines.get(0).equals(expectedFirst)) {
      throw malformed(path, 1, "expected '" + expectedFirst + "', found "
          + (lines.isEmpty() ? "an empty file" : "'" + lines.get(0) + "'"));
    }
    List<Value> params = opt.parameters();
    double[] data = ParameterFile.readBlock(lines, 1, ParameterFile.FORMAT, params.size(), path);
    int stateHeader = 2 + data.length;
    int stateSize = opt.state().length + 1;
    double[] state = ParameterFile.readBlock(lines, stateHeader, STATE_BLOCK, stateSize, path);
    int end = stateHeader + 1 + stateSize;
    if (lines.size() > end) {
      throw malformed(path, end + 1, "expected the end of the file, found '" + lines.get(end)
          + "'");
    }
    checkState(opt, state, stateHeader + 2, path);
    Value.setData(opt.parameterArray(), data);
    opt.setLearningRate(state[0]);
    double[] rest = new double[stateSize - 1];
    System.arraycopy(state, 1, rest, 0, rest.length);
    opt.restoreState(rest);
  }

  /**
   * Throws if {@code path} is a directory (a move onto an empty one would replace it; reading one
   * fails naming no file).
   */
  private static void checkNotDirectory(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new IOException(path + " is a directory, not a checkpoint file");
    }
  }

  /** Throws naming the line of the first state value {@code opt} would not accept. */
  private static void checkState(AbstractOptimizer opt, double[] state, int firstLine, Path path) {
    double learningRate = state[0];
    if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
      throw malformed(path, firstLine, "expected a learning rate, positive and finite, found "
          + learningRate);
    }
    for (int i = 1; i < state.length; i++) {
      String problem = opt.stateProblem(i - 1, state[i]);
      if (problem != null) {
        throw malformed(path, firstLine + i, "expected " + problem + ", found " + state[i]);
      }
    }
  }

  private static AbstractOptimizer known(Optimizer optimizer) {
    checkNotNull(optimizer, "optimizer");
    checkArgument(optimizer instanceof AbstractOptimizer,
        "a checkpoint stores the state of Sgd, Adam and AdamW only, got %s",
        optimizer.getClass().getName());
    return (AbstractOptimizer) optimizer;
  }

  private static String kind(AbstractOptimizer opt) {
    return opt.getClass().getSimpleName();
  }

  private static IllegalArgumentException malformed(Path path, int line, String what) {
    return new IllegalArgumentException(path + ", line " + line + ": " + what);
  }
}
