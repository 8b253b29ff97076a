package dev.autograd.examples;

import dev.autograd.data.CsvDatasetReader;
import dev.autograd.data.Dataset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Linear regression on the user's own CSV file of numbers, read by {@link CsvDatasetReader}: one
 * column is the target, every other one a feature; the training and the report are {@link
 * DiabetesRegression}'s ({@code BiasTrickLinear(n → 1)}, MSE, SGD with Nesterov momentum or Adam,
 * a seeded shuffled 80/20 split standardised on its training part).
 *
 * <p>A feature that is constant in the training rows gets coefficient 0, marked {@code (constant
 * in the training rows)}, and adds nothing to the predictions, also of test rows where it differs
 * (see {@code RegressionTraining}).
 *
 * <p>The file is read and checked before anything is trained: a missing or unreadable file, an
 * empty one, a ragged row, a cell that is not a finite number or a target column that is not
 * there is a bad command line: one line naming the file (and the line and column), the usage, exit
 * code 2. So are values too large to train on: a feature column whose variance over the training
 * rows overflows (that line names the file, the column and its largest magnitude), or a target
 * column whose squares sum to infinity, so that the MSE loss would overflow (that line names the
 * file's line and column of the largest target, and the target). So is a test row so far outside
 * the training rows' range that a value of it standardises to an infinity (over about 1e308
 * training standard deviations out); that line names the file's line and column of the value,
 * and the value. Lines and columns count from 1 as the reader's own messages do (header and blank
 * lines included; a row with a quoted line break is on the line where it starts). A training loss
 * that is not finite (a learning rate too large) and a test MSE that is not finite although the
 * training MSE is (test rows far outside the training rows' range) each print one warning line on
 * the error stream; the exit code stays 0.
 */
@Command(name = "csv", versionProvider = Cli.Version.class, sortOptions = false,
    description = "Linear regression on your own CSV file of numbers (one column the target, the"
        + " others the features); prints the coefficients (0 for a feature constant in the"
        + " training rows) and the test MSE.")
public final class CsvRegression implements Callable<Integer> {
  /** Returns the CSV example as a command, for picocli (its flags are set by parsing). */
  public CsvRegression() {}

  @Parameters(index = "0", paramLabel = "FILE",
      description = "the CSV file: numbers only, after a header line of column names (unless"
          + " --no-header)")
  private Path file;

  @Option(names = "--target", paramLabel = "NAME", order = 1,
      description = "the name of the target column in the header")
  private String targetName;

  @Option(names = "--target-column", paramLabel = "N", converter = Cli.PositiveInt.class,
      order = 2, description = "the target column's number, counting from 1 (instead of"
          + " --target)")
  private Integer targetColumn;

  @Option(names = "--no-header", order = 3,
      description = "the file has no header line (the target then needs --target-column)")
  private boolean noHeader;

  @Option(names = "--delimiter", paramLabel = "C", converter = Delimiter.class, order = 4,
      description = "the character between cells, or \\t for a tab (default ,)")
  private char delimiter = ',';

  @Mixin private final RegressionTrainingFlags flags = new RegressionTrainingFlags();

  @Spec private CommandSpec spec;

  /** One character, or {@code \t} for a tab, that {@link CsvDatasetReader#delimiter} takes. */
  static final class Delimiter implements ITypeConverter<Character> {
    @Override
    public Character convert(String text) {
      char c;
      if (text.equals("\\t")) {
        c = '\t';
      } else if (text.length() == 1) {
        c = text.charAt(0);
      } else {
        throw new TypeConversionException(
            "must be one character (or \\t for a tab), got '" + text + "'");
      }
      try {
        CsvDatasetReader.withoutHeader(0).delimiter(c);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("cannot be a quote or a line break, got '" + text + "'");
      }
      return c;
    }
  }

  /** Runs {@link #run(String[], PrintStream, PrintStream)} and exits with its code if non-zero. */
  public static void main(String[] args) {
    Cli.exitOnFailure(run(args, System.out, System.err));
  }

  /**
   * Reads the file and trains with the flags in {@code args}, printing the coefficients and MSEs
   * to {@code out}; returns the exit code: 0, or 2 after printing an error and the usage to {@code
   * err} for a bad command line or a bad file, or 1 if the plot cannot be written.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(new CsvRegression(), args, out, err);
  }

  /** Reads the file, trains, prints the result and draws any plot; returns 0. */
  @Override
  public Integer call() throws IOException {
    Dataset data = read();
    PrintWriter out = spec.commandLine().getOut();
    RegressionTraining.Config config = flags.config();
    RegressionTraining.Parts parts;
    try {
      parts = RegressionTraining.Parts.of(data, file.toString(), config.seed());
    } catch (IllegalArgumentException e) { // a value too large to standardise or to square
      throw usageError(e.getMessage());
    }
    String title = String.valueOf(file.getFileName());
    RegressionTraining.printHeader(title, parts, config, out);
    RegressionTraining.Result result = RegressionTraining.train(parts, config, flags.quiet);
    RegressionTraining.printResult(data.targetName(), result, out);
    RegressionTraining.warnIfNotFinite(spec.commandLine().getErr(), spec.qualifiedName(),
        result);
    flags.drawPlot(result, title, data.targetName(), out);
    return 0;
  }

  /** Reads the file as the flags say; a bad file or target is a bad command line. */
  private Dataset read() {
    if ((targetName == null) == (targetColumn == null)) {
      throw usageError(targetName == null
          ? "name the target column: --target NAME or --target-column N"
          : "--target and --target-column exclude each other; give one");
    }
    if (noHeader && targetName != null) {
      throw usageError("--no-header needs --target-column N: a file without a header has no"
          + " column names");
    }
    CsvDatasetReader reader = targetName != null ? CsvDatasetReader.withHeader(targetName)
        : noHeader ? CsvDatasetReader.withoutHeader(targetColumn - 1)
        : CsvDatasetReader.withHeader(targetColumn - 1);
    Dataset data;
    try {
      data = reader.delimiter(delimiter).read(file);
    } catch (IOException | UncheckedIOException e) {
      throw usageError(Cli.describeFailure(e));
    } catch (IllegalArgumentException e) {
      throw usageError(e.getMessage());
    }
    if (data.size() < 2) {
      throw usageError(file + " has 1 data row; needs at least 2 (to train on and to test on)");
    }
    return data;
  }

  private ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
