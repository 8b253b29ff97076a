package dev.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix of autograd-nn: one row per public entry point and kind of bad input, with
 * the standard exception it must throw, its exact message (naming the offending parameter or
 * value), and a check that no parameter of any model changed (data or grad).
 */
class BadInputTest {
  @TempDir static Path dir;

  /** Differentiated models every row runs against. */
  static final class Fixture {
    final Mlp mlp = new Mlp(2, List.of(3, 1), Activation.TANH, Init.UNIFORM, new Random(7));
    final BiasTrickLinear linear =
        new BiasTrickLinear(2, 2, Activation.RELU, Init.HE, new Random(8));
    final NeuronLayer layer = new NeuronLayer(2, 2, Activation.SIGMOID, Init.XAVIER, new Random(9));
    final Neuron neuron = new Neuron(2, Activation.TANH, Init.UNIFORM, new Random(10));
    final List<Value> x = List.of(Value.of(0.5, "x0"), Value.of(-1.0, "x1"));
    final List<Value> three = List.of(Value.of(1.0), Value.of(2.0), Value.of(3.0));

    Fixture() {
      List<Value> outputs = new ArrayList<>(mlp.forward(x));
      outputs.addAll(linear.forward(x));
      outputs.addAll(layer.forward(x));
      outputs.add(neuron.forward(x));
      Value.sum(outputs).pow(2).backward();
    }

    List<Value> parameters() {
      List<Value> all = new ArrayList<>(mlp.parameters());
      all.addAll(linear.parameters());
      all.addAll(layer.parameters());
      all.addAll(neuron.parameters());
      return all;
    }

    String state() {
      StringBuilder sb = new StringBuilder();
      for (Value p : parameters()) {
        sb.append(p.data()).append('/').append(p.grad()).append(' ');
      }
      return sb.toString();
    }

    Path file(String name, String content) throws Exception {
      return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
  }

  /** A call that may throw, checked exceptions included. */
  @FunctionalInterface
  interface Call {
    void run(Fixture t) throws Exception;
  }

  /** One rejected call: where, what is wrong, the exception and its message. */
  record Row(String entryPoint, String badInput, Class<? extends Exception> thrown,
      String message, Call call) {
    @Override
    public String toString() {
      return entryPoint + " with " + badInput;
    }
  }

  private static final String SHAPE = "inputs and outputs must be at least 1, got ";

  static Stream<Row> rows() {
    return Stream.of(
            Stream.of(
                nullArguments("BiasTrickLinear(...)", "activation",
                    (a, i, r) -> new BiasTrickLinear(2, 1, a, i, r)),
                nullArguments("Neuron(...)", "activation", (a, i, r) -> new Neuron(2, a, i, r)),
                nullArguments("NeuronLayer(...)", "activation",
                    (a, i, r) -> new NeuronLayer(2, 2, a, i, r)),
                nullArguments("Mlp(...)", "hidden",
                    (a, i, r) -> new Mlp(2, List.of(1), a, i, r)))
                .flatMap(rows -> rows),
            otherRows())
        .flatMap(rows -> rows);
  }

  /** A module constructor, given its activation, initialization and random source. */
  @FunctionalInterface
  interface Constructor {
    Module make(Activation activation, Init init, Random random);
  }

  /** Rows for a null activation, init and random source, one at a time. */
  private static Stream<Row> nullArguments(
      String entryPoint, String activationName, Constructor make) {
    Random random = new Random(0);
    return Stream.of(
        new Row(entryPoint, "null " + activationName, NullPointerException.class,
            activationName, t -> make.make(null, Init.UNIFORM, random)),
        new Row(entryPoint, "null init", NullPointerException.class, "init",
            t -> make.make(Activation.TANH, null, random)),
        new Row(entryPoint, "null random", NullPointerException.class, "random",
            t -> make.make(Activation.TANH, Init.UNIFORM, null)));
  }

  private static Stream<Row> otherRows() {
    return Stream.of(
        new Row("Vectors.dot", "null a", NullPointerException.class, "a",
            t -> Vectors.dot(null, t.x)),
        new Row("Vectors.dot", "null b", NullPointerException.class, "b",
            t -> Vectors.dot(t.x, null)),
        new Row("Vectors.dot", "lengths 2 and 3", IllegalArgumentException.class,
            "dot needs vectors of equal length, got 2 and 3", t -> Vectors.dot(t.x, t.three)),
        new Row("Vectors.dot", "a null element of a", NullPointerException.class,
            "a[1] is null", t -> Vectors.dot(Arrays.asList(t.x.get(0), null), t.x)),
        new Row("Vectors.dot", "a null element of b", NullPointerException.class,
            "b[0] is null", t -> Vectors.dot(t.x, Arrays.asList(null, t.x.get(1)))),
        new Row("Vectors.withBias", "null x", NullPointerException.class, "x",
            t -> Vectors.withBias(null)),
        new Row("Vectors.withBias", "a null element", NullPointerException.class, "x[0] is null",
            t -> Vectors.withBias(Arrays.asList((Value) null))),
        new Row("Activation.LINEAR.apply", "null", NullPointerException.class, "v",
            t -> Activation.LINEAR.apply(null)),
        new Row("Activation.RELU.apply", "null", NullPointerException.class, "v",
            t -> Activation.RELU.apply(null)),
        new Row("Activation.TANH.apply", "null", NullPointerException.class, "v",
            t -> Activation.TANH.apply(null)),
        new Row("Activation.SIGMOID.apply", "null", NullPointerException.class, "v",
            t -> Activation.SIGMOID.apply(null)),
        new Row("Init.sample", "null random", NullPointerException.class, "random",
            t -> Init.HE.sample(null, 1, 1)),
        new Row("Init.sample", "fanIn 0", IllegalArgumentException.class,
            "fanIn and fanOut must be at least 1, got fanIn=0, fanOut=3",
            t -> Init.XAVIER.sample(new Random(0), 0, 3)),
        new Row("Init.sample", "fanOut -1", IllegalArgumentException.class,
            "fanIn and fanOut must be at least 1, got fanIn=2, fanOut=-1",
            t -> Init.UNIFORM.sample(new Random(0), 2, -1)),
        new Row("BiasTrickLinear(...)", "0 inputs", IllegalArgumentException.class,
            SHAPE + "inputs=0, outputs=2",
            t -> new BiasTrickLinear(0, 2, Activation.LINEAR, Init.UNIFORM, new Random(0))),
        new Row("BiasTrickLinear(...)", "-1 outputs", IllegalArgumentException.class,
            SHAPE + "inputs=2, outputs=-1",
            t -> new BiasTrickLinear(2, -1, Activation.LINEAR, Init.UNIFORM, new Random(0))),
        new Row("BiasTrickLinear.forward", "null x", NullPointerException.class, "x",
            t -> t.linear.forward(null)),
        new Row("BiasTrickLinear.forward", "3 inputs for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 3", t -> t.linear.forward(t.three)),
        new Row("BiasTrickLinear.forward", "an empty list", IllegalArgumentException.class,
            "expected 2 inputs, got 0", t -> t.linear.forward(List.of())),
        new Row("BiasTrickLinear.forward", "a null element", NullPointerException.class,
            "x[1] is null",
            t -> t.linear.forward(Arrays.asList(t.x.get(0), null))),
        new Row("Neuron(...)", "0 inputs", IllegalArgumentException.class,
            SHAPE + "inputs=0, outputs=1",
            t -> new Neuron(0, Activation.TANH, Init.UNIFORM, new Random(0))),
        new Row("Neuron.forward", "1 input for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 1", t -> t.neuron.forward(List.of(t.x.get(0)))),
        new Row("Neuron.forward", "null x", NullPointerException.class, "x",
            t -> t.neuron.forward(null)),
        new Row("Neuron.forward", "null x[1]", NullPointerException.class, "x[1] is null",
            t -> t.neuron.forward(Arrays.asList(t.x.get(0), null))),
        new Row("NeuronLayer(...)", "0 outputs", IllegalArgumentException.class,
            SHAPE + "inputs=2, outputs=0",
            t -> new NeuronLayer(2, 0, Activation.TANH, Init.UNIFORM, new Random(0))),
        new Row("NeuronLayer.forward", "3 inputs for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 3", t -> t.layer.forward(t.three)),
        new Row("Mlp(...)", "null sizes", NullPointerException.class, "sizes",
            t -> new Mlp(2, null, Activation.TANH, Init.UNIFORM, new Random(0))),
        new Row("Mlp(...)", "empty sizes", IllegalArgumentException.class,
            "sizes must name at least one layer, got []",
            t -> new Mlp(2, List.of(), Activation.TANH, Init.UNIFORM, new Random(0))),
        new Row("Mlp(...)", "a null size", NullPointerException.class, "sizes[1] is null",
            t -> new Mlp(2, Arrays.asList(3, null), Activation.TANH, Init.UNIFORM,
                new Random(0))),
        new Row("Mlp(...)", "a size of 0", IllegalArgumentException.class,
            "every layer size must be at least 1, got sizes[1]=0 in [4, 0, 1]",
            t -> new Mlp(2, List.of(4, 0, 1), Activation.TANH, Init.UNIFORM, new Random(0))),
        new Row("Mlp(...)", "0 inputs", IllegalArgumentException.class,
            "inputs must be at least 1, got 0",
            t -> new Mlp(0, List.of(1), Activation.TANH, Init.UNIFORM, new Random(0))),
        new Row("Mlp.forward", "3 inputs for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 3", t -> t.mlp.forward(t.three)),
        new Row("Mlp.forward", "null x", NullPointerException.class, "x",
            t -> t.mlp.forward(null)),
        new Row("Mlp.predict", "3 inputs for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 3", t -> t.mlp.predict(new double[3])),
        new Row("Mlp.predict", "null x", NullPointerException.class, "x",
            t -> t.mlp.predict(null)),
        new Row("BiasTrickLinear.predict", "1 input for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 1", t -> t.linear.predict(new double[1])),
        new Row("BiasTrickLinear.predict", "null x", NullPointerException.class, "x",
            t -> t.linear.predict(null)),
        new Row("NeuronLayer.predict", "3 inputs for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 3", t -> t.layer.predict(new double[3])),
        new Row("Neuron.predict", "0 inputs for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 0", t -> t.neuron.predict(new double[0])),
        new Row("Neuron.predict", "null x", NullPointerException.class, "x",
            t -> t.neuron.predict(null)),
        new Row("Mlp.forwardScalar", "a network of 2 outputs", IllegalStateException.class,
            "forwardScalar needs a single-output network, Mlp(2 -> 2 LINEAR, 6 parameters) has 2"
                + " outputs",
            t -> new Mlp(2, List.of(2), Activation.TANH, Init.UNIFORM, new Random(0))
                .forwardScalar(t.x)),
        new Row("Mlp.forwardScalar", "3 inputs for 2", IllegalArgumentException.class,
            "expected 2 inputs, got 3", t -> t.mlp.forwardScalar(t.three)),
        new Row("Mlp.withActivations", "2 sizes and 1 activation", IllegalArgumentException.class,
            "sizes and activations differ in length: 2 vs 1",
            t -> Mlp.withActivations(2, List.of(3, 1), List.of(Activation.RELU), Init.HE,
                new Random(0))),
        new Row("Mlp.withActivations", "a null activation", NullPointerException.class,
            "activations[1] is null",
            t -> Mlp.withActivations(2, List.of(3, 1), Arrays.asList(Activation.RELU, null),
                Init.HE, new Random(0))),
        new Row("Mlp.withActivations", "null activations", NullPointerException.class,
            "activations",
            t -> Mlp.withActivations(2, List.of(3, 1), null, Init.HE, new Random(0))),
        new Row("Mlp.withActivations", "empty sizes", IllegalArgumentException.class,
            "sizes must name at least one layer, got []",
            t -> Mlp.withActivations(2, List.of(), List.of(), Init.HE, new Random(0))),
        new Row("Vectors.leaves", "null", NullPointerException.class, "x",
            t -> Vectors.leaves((double[]) null)),
        new Row("Softmax.softmax", "no logits", IllegalArgumentException.class,
            "softmax needs at least one logit, got none", t -> Softmax.softmax(List.of())),
        new Row("Softmax.softmax", "null logits", NullPointerException.class, "logits",
            t -> Softmax.softmax((List<Value>) null)),
        new Row("Softmax.logSoftmax", "a null logit", NullPointerException.class,
            "logits[1] is null",
            t -> Softmax.logSoftmax(Arrays.asList(t.x.get(0), null))),
        new Row("Softmax.logSoftmax", "an empty array", IllegalArgumentException.class,
            "softmax needs at least one logit, got none",
            t -> Softmax.logSoftmax(new double[0])),
        new Row("Softmax.softmax", "a null array", NullPointerException.class, "logits",
            t -> Softmax.softmax((double[]) null)),
        new Row("Softmax.argmax", "an empty array", IllegalArgumentException.class,
            "softmax needs at least one logit, got none", t -> Softmax.argmax(new double[0])),
        new Row("ParameterFile.save", "null model", NullPointerException.class, "model",
            t -> ParameterFile.save(null, dir.resolve("saved.txt"))),
        new Row("ParameterFile.save", "null path", NullPointerException.class, "path",
            t -> ParameterFile.save(t.mlp, null)),
        new Row("ParameterFile.save", "a model with a null parameter",
            NullPointerException.class, "model.parameters()[1] is null",
            t -> ParameterFile.save(() -> Arrays.asList(Value.of(1.0), null),
                dir.resolve("broken.txt"))),
        new Row("ParameterFile.load", "null model", NullPointerException.class, "model",
            t -> ParameterFile.load(null, dir.resolve("absent.txt"))),
        new Row("ParameterFile.load", "null path", NullPointerException.class, "path",
            t -> ParameterFile.load(t.mlp, null)),
        new Row("ParameterFile.load", "a missing file", NoSuchFileException.class,
            dir + "/absent.txt".replace('/', java.io.File.separatorChar),
            t -> ParameterFile.load(t.mlp, dir.resolve("absent.txt"))),
        new Row("ParameterFile.load", "a count of another model", IllegalArgumentException.class,
            dir.resolve("count.txt") + ", line 1: expected 13 values but the header"
                + " declares 2",
            t -> ParameterFile.load(t.mlp, t.file("count.txt", "autograd-parameters 1 2\n1\n2\n"))),
        new Row("ParameterFile.load", "a bad number on the last line",
            IllegalArgumentException.class,
            dir.resolve("number.txt") + ", line 7: expected a number for value 5, found 'x'",
            t -> ParameterFile.load(t.linear,
                t.file("number.txt", "autograd-parameters 1 6\n1\n2\n3\n4\n5\nx\n"))),
        new Row("ParameterFile.load", "an empty file", IllegalArgumentException.class,
            dir.resolve("empty.txt") + ", line 1: expected header 'autograd-parameters 1"
                + " <count>', found an empty file",
            t -> ParameterFile.load(t.neuron, t.file("empty.txt", ""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputIsRejectedWithAStandardExceptionNamingItAndNoParameterChanges(Row row) {
    Fixture fixture = new Fixture();
    String before = fixture.state();
    Exception e = assertThrows(row.thrown(), () -> row.call().run(fixture));
    assertEquals(row.thrown(), e.getClass());
    assertEquals(row.message(), e.getMessage());
    assertEquals(before, fixture.state(), "parameters' data and grads");
  }

  @Test
  void everyPublicTypeOfNnHasAtLeastOneRow() {
    List<String> covered = rows().map(Row::entryPoint).toList();
    for (String type : List.of("Vectors", "Activation", "Init", "BiasTrickLinear", "Neuron",
        "NeuronLayer", "Mlp", "ParameterFile", "Softmax")) {
      assertEquals(true, covered.stream().anyMatch(p -> p.startsWith(type)), type);
    }
  }

  @Test
  void theBiasTrickOfAnEmptyVectorIsTheBiasAlone() {
    List<Value> biased = Vectors.withBias(List.of());
    assertEquals(1, biased.size());
    assertEquals(1.0, biased.get(0).data());
    assertEquals(0.0, Vectors.dot(List.of(), List.of()).data(), "empty dot is the constant 0");
  }
}
