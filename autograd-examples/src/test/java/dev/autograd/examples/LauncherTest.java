package dev.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LauncherTest {

  private static String launcherUsage(String command) {
    CommandLine launcher = Launcher.commandLine();
    return (command == null ? launcher : launcher.getSubcommands().get(command)).getUsageMessage();
  }

  @Test
  void runsTheNamedCommandWithItsFlags() {
    Run run = Run.of(Launcher::run, "demos", "--w0", "0.25", "--b0", "-0.5");
    assertEquals(0, run.code(), run.err());
    assertEquals(Run.resource("reference-w0_0.25-b0_-0.5.txt"), run.out());
  }

  @Test
  void listsEveryCommandInItsHelp() {
    Run run = Run.of(Launcher::run, "--help");
    run.assertPrintedHelp(launcherUsage(null));
    for (String command : List.of("demos", "scalar", "regression", "moons", "graph")) {
      assertTrue(run.out().contains("  " + command + " "), command + " in\n" + run.out());
    }
  }

  @Test
  void everyFlagInEveryCommandsHelpStandsApartFromItsDescription() {
    // picocli's default column of 20 characters let --plot-confusion=FILE run into its text.
    for (String command : Launcher.commandLine().getSubcommands().keySet()) {
      for (String line : launcherUsage(command).split("\n")) {
        if (line.matches(" {2}(-\\w, | {4})--.*")) {
          assertTrue(line.matches(" {2}(-\\w, | {4})--\\S+(, --\\S+)*( {2,}\\S.*)?"),
              command + ": " + line);
        }
      }
    }
  }

  @Test
  void printsTheProjectVersion() {
    Run run = Run.of(Launcher::run, "--version");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().matches("autograd \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), run.out());
    assertEquals(run.out(), Run.of(MoonsDemo::run, "--version").out());
  }

  @Test
  void suggestsTheFlagMeantByAMistypedOne() {
    Run.of(Launcher::run, "moons", "--step", "3").assertRejected(launcherUsage("moons"),
        "autograd moons: error: unknown flag --step (did you mean --steps?)");
  }

  @Test
  void suggestsTheCommandMeantByAMistypedOne() {
    Run.of(Launcher::run, "mons").assertRejected(launcherUsage(null),
        "autograd: error: unknown command 'mons' (did you mean moons?)");
  }

  @Test
  void namesTheCommandsWhenNoneIsGiven() {
    Run.of(Launcher::run).assertRejected(launcherUsage(null),
        "autograd: error: missing command: one of demos, scalar, regression, moons, graph,"
            + " newton, diabetes, digits, iris, breast-cancer, csv");
  }

  @Test
  void aBadValueNamesTheSubcommandTheFlagAndTheValue() {
    Run.of(Launcher::run, "regression", "--lr", "NaN").assertRejected(launcherUsage("regression"),
        "autograd regression: error: --lr expects a finite number, got 'NaN'");
  }
}
