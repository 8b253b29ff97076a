/**
 * Runnable examples, each a picocli command with its own {@code main} and a {@code static int
 * run(String[] args, PrintStream out, PrintStream err)} the tests call in-process, and all of them
 * subcommands of {@link dev.autograd.examples.Launcher} (the runnable jar's main): {@link
 * dev.autograd.examples.Demos} (the reference program's demo 1 then demo 2, the module's default
 * main), {@link dev.autograd.examples.ScalarDemo}, {@link
 * dev.autograd.examples.LinearRegressionDemo}, {@link dev.autograd.examples.MoonsDemo} and {@link
 * dev.autograd.examples.GraphDemo}, with the command-line checks they share and the pictures they
 * draw.
 */
package dev.autograd.examples;
