/** Neural-network building blocks on {@code dev.autograd.core.Value} graphs. */
package dev.autograd.nn;
