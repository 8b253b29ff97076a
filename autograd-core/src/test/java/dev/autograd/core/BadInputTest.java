package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix of autograd-core: one row per public entry point and kind of bad input,
 * with the standard exception it must throw, its exact message (which names the offending
 * parameter or value), and a check that the rejected call changed no data and no grad.
 */
class BadInputTest {

  /** A small differentiated graph every row runs against: f = (x + y) * y at x = -2, y = 5. */
  static final class Fixture {
    final Value x = Value.of(-2.0, "x");
    final Value y = Value.of(5.0, "y");
    final Value f = x.add(y).mul(y);

    Fixture() {
      f.backward();
    }

    double[] state() {
      return new double[] {x.data(), x.grad(), y.data(), y.grad(), f.data(), f.grad()};
    }
  }

  /** One rejected call: where, what is wrong, the exception and its message. */
  record Row(
      String entryPoint,
      String badInput,
      Class<? extends RuntimeException> thrown,
      String message,
      Consumer<Fixture> call) {
    @Override
    public String toString() {
      return entryPoint + " with " + badInput;
    }
  }

  static Stream<Row> rows() {
    return Stream.of(
        new Row("Value.of(double, String)", "null label", NullPointerException.class, "label",
            t -> Value.of(1.0, null)),
        new Row("Value.sum", "null list", NullPointerException.class, "values",
            t -> Value.sum(null)),
        new Row("Value.sum", "null element", NullPointerException.class, "values[1] is null",
            t -> Value.sum(Arrays.asList(t.x, null, t.y))),
        new Row("Value.add", "null", NullPointerException.class, "other", t -> t.x.add(null)),
        new Row("Value.sub", "null", NullPointerException.class, "other", t -> t.x.sub(null)),
        new Row("Value.mul", "null", NullPointerException.class, "other", t -> t.x.mul(null)),
        new Row("Value.div", "null", NullPointerException.class, "other", t -> t.x.div(null)),
        new Row("Value.leakyRelu", "NaN slope", IllegalArgumentException.class,
            "slope must be finite, got NaN", t -> t.x.leakyRelu(Double.NaN)),
        new Row("Value.leakyRelu", "infinite slope", IllegalArgumentException.class,
            "slope must be finite, got -Infinity",
            t -> t.x.leakyRelu(Double.NEGATIVE_INFINITY)),
        new Row("Gradients.hessianVectorProduct", "a null wrt element and a v of another length",
            NullPointerException.class, "wrt[1] is null",
            t -> Gradients.hessianVectorProduct(t.f, Arrays.asList(t.x, null), new double[1])),
        new Row("Gradients.hessianVectorProduct", "v of another length",
            IllegalArgumentException.class, "v has length 1 but wrt has 2 elements",
            t -> Gradients.hessianVectorProduct(t.f, List.of(t.x, t.y), new double[1])),
        new Row("Value.pow(Value)", "null exponent", NullPointerException.class, "exponent",
            t -> t.x.pow(null)),
        new Row("CompiledGraph.compile", "null output", NullPointerException.class, "output",
            t -> CompiledGraph.compile(null)),
        new Row("CompiledGraph.gradOf", "null node", NullPointerException.class, "node",
            t -> CompiledGraph.compile(t.f).gradOf(null)),
        new Row("CompiledGraph.gradOf", "a node of another graph",
            IllegalArgumentException.class,
            "node Value(data=7.0000, grad=0.0000) is not a node of this compiled graph",
            t -> CompiledGraph.compile(t.f).gradOf(Value.of(7.0))),
        new Row("CompiledGraph.valueOf", "null node", NullPointerException.class, "node",
            t -> CompiledGraph.compile(t.f).valueOf(null)),
        new Row("CompiledGraph.valueOf", "a node of another graph",
            IllegalArgumentException.class,
            "node Value(data=7.0000, grad=0.0000) is not a node of this compiled graph",
            t -> CompiledGraph.compile(t.f).valueOf(Value.of(7.0))),
        new Row("GradCheck.check", "null output", NullPointerException.class, "output",
            t -> GradCheck.check(null, List.of(t.x))),
        new Row("GradCheck.check", "null inputs", NullPointerException.class, "inputs",
            t -> GradCheck.check(t.f, null)),
        new Row("GradCheck.check", "a null input", NullPointerException.class, "inputs[1] is null",
            t -> GradCheck.check(t.f, Arrays.asList(t.x, null))),
        new Row("GradCheck.check", "an interior node as input", IllegalArgumentException.class,
            "inputs[1] must be a leaf, but was made by op '+'",
            t -> GradCheck.check(t.f, List.of(t.y, t.f.children().get(0)))),
        new Row("GradCheck.check", "step 0", IllegalArgumentException.class,
            "step must be positive and finite, got 0.0",
            t -> GradCheck.check(t.f, List.of(t.x), 0.0)),
        new Row("GradCheck.check", "negative step", IllegalArgumentException.class,
            "step must be positive and finite, got -1.0E-5",
            t -> GradCheck.check(t.f, List.of(t.x), -1e-5)),
        new Row("GradCheck.check", "NaN step", IllegalArgumentException.class,
            "step must be positive and finite, got NaN",
            t -> GradCheck.check(t.f, List.of(t.x), Double.NaN)),
        new Row("GradCheck.check", "infinite step", IllegalArgumentException.class,
            "step must be positive and finite, got Infinity",
            t -> GradCheck.check(t.f, List.of(t.x), Double.POSITIVE_INFINITY)),
        new Row("GradCheck.check(f, point)", "null function", NullPointerException.class, "f",
            t -> GradCheck.check(null, 1.0)),
        new Row("GradCheck.check(f, point)", "null point", NullPointerException.class, "point",
            t -> GradCheck.check(xs -> xs.get(0), (double[]) null)),
        new Row("GradCheck.check(f, point)", "a function returning null",
            NullPointerException.class, "f returned null",
            t -> GradCheck.check(xs -> null, 1.0)),
        new Row("Parameters.distinct", "null list", NullPointerException.class, "params",
            t -> Parameters.distinct(null, "params")),
        new Row("Parameters.distinct", "null name", NullPointerException.class, "name",
            t -> Parameters.distinct(List.of(t.x), null)),
        new Row("Parameters.distinct", "a null element", NullPointerException.class,
            "weights[1] is null", t -> Parameters.distinct(Arrays.asList(t.x, null), "weights")),
        new Row("Parameters.distinct", "an interior node", IllegalArgumentException.class,
            "params[2] must be a leaf, but was made by op '*'",
            t -> Parameters.distinct(List.of(t.x, t.y, t.f), "params")),
        new Row("Parameters.zeroGrad", "null list", NullPointerException.class, "params",
            t -> Parameters.zeroGrad(null)),
        new Row("Parameters.zeroGrad", "a null element after a parameter",
            NullPointerException.class, "params[1] is null",
            t -> Parameters.zeroGrad(Arrays.asList(t.x, null))),
        new Row("DotGraph.render", "null output", NullPointerException.class, "output",
            t -> DotGraph.render(null)),
        new Row("PythonFormat.fixed", "negative digits", IllegalArgumentException.class,
            "digits must be >= 0, got -1", t -> PythonFormat.fixed(1.5, -1)),
        new Row("AnomalyDetection + Value.of", "NaN leaf", AnomalyException.class,
            "anomaly in forward: leaf created with NaN; node label 'w'",
            t -> {
              AnomalyDetection.enable();
              Value.of(Double.NaN, "w");
            }),
        new Row("AnomalyDetection + Value.log", "log of 0", AnomalyException.class,
            "anomaly in forward: op 'log' produced -Infinity from inputs [0.0 '']; node label ''",
            t -> {
              AnomalyDetection.enable();
              t.x.mul(0.0).add(0.0).log();
            }),
        new Row("AnomalyDetection + Value.backward", "infinite slope", AnomalyException.class,
            "anomaly in backward: op '**0.5' (node label '', data 0.0, upstream grad 1.0) made the"
                + " grad of input 0 Infinity; inputs [0.0 'z']",
            t -> {
              Value z = Value.of(0.0, "z");
              Value root = z.pow(0.5);
              AnomalyDetection.enable();
              root.backward();
            }));
  }

  @AfterEach
  void switchAnomalyDetectionOff() {
    AnomalyDetection.disable();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputIsRejectedWithAStandardExceptionNamingItAndChangesNothing(Row row) {
    Fixture fixture = new Fixture();
    double[] before = fixture.state();
    RuntimeException e = assertThrows(row.thrown(), () -> row.call().accept(fixture));
    assertEquals(row.thrown(), e.getClass());
    assertEquals(row.message(), e.getMessage());
    assertEquals(Arrays.toString(before), Arrays.toString(fixture.state()), "data and grads");
  }

  @Test
  void everyPublicTypeOfCoreHasAtLeastOneRow() {
    List<String> covered = rows().map(Row::entryPoint).toList();
    for (String type :
        List.of("Value", "CompiledGraph", "GradCheck", "DotGraph", "PythonFormat",
            "AnomalyDetection", "Parameters")) {
      assertEquals(true, covered.stream().anyMatch(p -> p.startsWith(type)), type);
    }
  }

  @Test
  void emptyAndNonFiniteInputsThatCoreAcceptsBehaveAsDocumented() {
    // Python's sum([], Value(0.0)): a constant 0.
    Value empty = Value.sum(List.of());
    assertEquals(0.0, empty.data());
    assertEquals(true, empty.isLeaf());
    // GradCheck of no inputs checks nothing, and says so with an empty report.
    Fixture t = new Fixture();
    assertEquals(0, GradCheck.check(t.f, List.of()).entries().size());
    // With detection off, non-finite numbers follow IEEE 754 and nothing throws.
    assertEquals(true, Double.isNaN(Value.of(Double.NaN).add(1.0).data()));
    assertEquals("nan", PythonFormat.fixed(Double.NaN, 4));
    assertEquals("inf", PythonFormat.repr(Double.POSITIVE_INFINITY));
  }
}
