/** JMH benchmarks of the autograd engine, with the baselines they are compared against. */
package dev.autograd.bench;
