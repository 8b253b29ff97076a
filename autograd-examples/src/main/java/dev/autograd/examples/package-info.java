/**
 * Runnable demos, each a {@code main} with a {@code static int run(String[] args, PrintStream out,
 * PrintStream err)} the tests call in-process: {@link dev.autograd.examples.Demos} (the seed's
 * demo 1 then demo 2, the module's default main), {@link dev.autograd.examples.ScalarDemo},
 * {@link dev.autograd.examples.LinearRegressionDemo}, {@link dev.autograd.examples.MoonsDemo} and
 * {@link dev.autograd.examples.GraphDemo}, with the command-line handling they share and the
 * pictures they draw.
 */
package dev.autograd.examples;
