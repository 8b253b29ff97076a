/** Runnable demos: the seed program's demos and more, each a {@code main}. */
package dev.autograd.examples;
