/**
 * JMH benchmarks of the autograd engine, with the baselines they are compared against in the
 * same run: {@code NaiveValue}, a seed-faithful port of the seed's Python {@code Value} (hash set
 * of inputs, a closure per node, recursive topological sort), and the gradient of the seed's
 * demo 2 written by hand. {@code SeedRun} runs the whole seed program on the engine for the
 * side-by-side timing against Python. See {@code autograd-bench/README.md} for how to run them
 * and the figures.
 */
package dev.autograd.bench;
