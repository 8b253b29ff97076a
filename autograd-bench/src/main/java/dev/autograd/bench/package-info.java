/**
 * JMH benchmarks of the autograd engine, with the baselines they are compared against in the
 * same run: {@code NaiveValue}, a faithful port of the reference program's Python {@code Value}
 * (hash set of inputs, a closure per node, recursive topological sort), and the gradient of the
 * reference program's demo 2 written by hand. The MLP and demo-2 steps train the library's own
 * classes on the problems {@code autograd-examples} defines ({@code MoonsProblem}, {@code
 * ReferenceRegression}).
 * Shared JMH settings live in {@code BenchmarkDefaults}, shared benchmark bodies in {@code
 * GraphBenchmark}. See {@code autograd-bench/README.md} for how to run them and the figures.
 */
package dev.autograd.bench;
