package dev.autograd.examples;

import picocli.CommandLine.Option;

/**
 * picocli's standard {@code -h} and {@code -V}, with picocli's wording, as a mixin for commands
 * whose help lists flags by their {@code order} attribute: {@code mixinStandardHelpOptions} adds
 * them without one, which would put them first; here they come last (order 100 and 101).
 */
final class HelpFlags {
  @Option(names = {"-h", "--help"}, usageHelp = true, order = 100,
      description = "Show this help message and exit.")
  boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, order = 101,
      description = "Print version information and exit.")
  boolean version;
}
