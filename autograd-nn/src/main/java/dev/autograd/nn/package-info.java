/**
 * Neural-network building blocks on {@code dev.autograd.core.Value} graphs.
 *
 * <ul>
 *   <li>{@link dev.autograd.nn.Vectors}: the reference program's {@code dot} and the bias trick ({@code
 *       withBias}), and {@code leaves(double...)} to turn numbers into graph leaves.
 *   <li>{@link dev.autograd.nn.BiasTrickLinear}: a fully connected layer written with the
 *       reference program's bias trick (the bias is the last weight of each row); {@code new
 *       BiasTrickLinear(1, 1, Activation.LINEAR, Init.UNIFORM, random)} is its demo 2 model.
 *   <li>{@link dev.autograd.nn.Neuron}, {@link dev.autograd.nn.NeuronLayer} (a fully connected
 *       layer written as micrograd's {@code Layer}: neurons summing from a zero bias), {@link
 *       dev.autograd.nn.Mlp}: micrograd's {@code nn.py}.
 *   <li>{@link dev.autograd.nn.Activation} and {@link dev.autograd.nn.Init}: nonlinearities and
 *       seeded weight initialisation; {@code Mlp.withActivations} gives each layer its own.
 *   <li>{@link dev.autograd.nn.Softmax}: stable softmax and log-softmax of logits, and argmax.
 *   <li>{@link dev.autograd.nn.Module}: anything with parameters; {@link
 *       dev.autograd.nn.ParameterFile} saves and restores them exactly. A tied weight listed
 *       twice is one parameter ({@code dev.autograd.core.Parameters}).
 * </ul>
 *
 * <p>For inference, each layer and the {@code Mlp} also have {@code predict(double[])}, which
 * computes the same numbers as {@code forward} bit for bit without building a graph.
 *
 * <p>Models only build graph nodes; an optimizer from {@code dev.autograd.optim} changes their
 * parameters. Models are not thread-safe (see {@code Value}).
 */
package dev.autograd.nn;
