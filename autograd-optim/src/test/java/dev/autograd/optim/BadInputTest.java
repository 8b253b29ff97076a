package dev.autograd.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autograd.core.Value;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix of autograd-optim: one row per public entry point and kind of bad input
 * (nulls, size mismatches, empty lists, non-finite or out-of-range hyper-parameters), with the
 * standard exception it must throw and its exact message (naming the offending value), and a
 * check that no parameter's data or grad, and no optimizer's learning rate, changed.
 */
class BadInputTest {

  /** Two differentiated parameters, predictions and targets, and one optimizer of each kind. */
  static final class Fixture {
    final Value w = Value.of(0.25, "w");
    final Value b = Value.of(-0.5, "b");
    final List<Value> params = List.of(w, b);
    final List<Value> predictions = List.of(w.mul(2.0).add(b), w.mul(-1.0).add(b));
    final List<Value> targets = List.of(Value.of(1.0), Value.of(-1.0));
    final List<Optimizer> optimizers =
        List.of(new Sgd(params, 0.1, Momentum.NESTEROV, 0.9), new Adam(params, 0.1),
            new AdamW(params, 0.1));

    Fixture() {
      MseLoss.of(predictions, targets).backward();
    }

    String state() {
      StringBuilder sb = new StringBuilder();
      for (Value p : params) {
        sb.append(p.data()).append('/').append(p.grad()).append(' ');
      }
      for (Optimizer o : optimizers) {
        sb.append(o.learningRate()).append(' ');
      }
      return sb.toString();
    }
  }

  /** One rejected call: where, what is wrong, the exception and its message. */
  record Row(String entryPoint, String badInput, Class<? extends RuntimeException> thrown,
      String message, Consumer<Fixture> call) {
    @Override
    public String toString() {
      return entryPoint + " with " + badInput;
    }
  }

  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final String LR = "learningRate must be positive and finite, got ";
  private static final String EMPTY_PARAMS = "an optimizer needs at least one parameter, got []";

  static Stream<Row> rows() {
    return Stream.of(
            optimizerRows(),
            lossRows("MseLoss", MseLoss::of),
            lossRows("MaeLoss", MaeLoss::of),
            lossRows("HingeLoss", HingeLoss::of),
            lossRows("BinaryCrossEntropyLoss", BinaryCrossEntropyLoss::of),
            lossRows("CrossEntropyLoss", CrossEntropyLoss::of),
            otherRows())
        .flatMap(s -> s);
  }

  private static Stream<Row> optimizerRows() {
    return Stream.of(
        iae("Sgd(params, lr)", "empty params", EMPTY_PARAMS, t -> new Sgd(List.of(), 0.1)),
        npe("Sgd(params, lr)", "null params", "params", t -> new Sgd(null, 0.1)),
        npe("Sgd(params, lr)", "a null parameter", "params[1] is null",
            t -> new Sgd(Arrays.asList(t.w, null), 0.1)),
        iae("Sgd(params, lr)", "lr 0", LR + "0.0", t -> new Sgd(t.params, 0.0)),
        iae("Sgd(params, lr)", "lr NaN", LR + "NaN", t -> new Sgd(t.params, NAN)),
        iae("Sgd(params, lr)", "lr Infinity", LR + "Infinity", t -> new Sgd(t.params, INF)),
        iae("Sgd(params, lr, momentum, coefficient)", "classical coefficient 1",
            "the coefficient of Momentum.CLASSICAL must be in (0, 1), got 1.0",
            t -> new Sgd(t.params, 0.1, Momentum.CLASSICAL, 1.0)),
        iae("Sgd(params, lr, momentum, coefficient)", "classical coefficient NaN",
            "the coefficient of Momentum.CLASSICAL must be in (0, 1), got NaN",
            t -> new Sgd(t.params, 0.1, Momentum.CLASSICAL, NAN)),
        iae("Sgd(params, lr, momentum, coefficient)", "Nesterov coefficient -0.5",
            "the coefficient of Momentum.NESTEROV must be in (0, 1), got -0.5",
            t -> new Sgd(t.params, 0.1, Momentum.NESTEROV, -0.5)),
        iae("Sgd(params, lr, momentum, coefficient)", "Nesterov without momentum",
            "the coefficient of Momentum.NESTEROV must be in (0, 1), got 0.0",
            t -> new Sgd(t.params, 0.1, Momentum.NESTEROV, 0.0)),
        iae("Sgd(params, lr, momentum, coefficient)", "no momentum with a coefficient",
            "Momentum.NONE takes coefficient 0, got 0.9",
            t -> new Sgd(t.params, 0.1, Momentum.NONE, 0.9)),
        npe("Sgd(params, lr, momentum, coefficient)", "null momentum", "momentum",
            t -> new Sgd(t.params, 0.1, null, 0.9)),
        iae("Sgd(params, lr)", "a non-leaf parameter",
            "params[1] must be a leaf, but was made by op '*'",
            t -> new Sgd(List.of(t.w, t.w.mul(2.0)), 0.1)),
        iae("Adam(params, lr)", "empty params", EMPTY_PARAMS, t -> new Adam(List.of(), 0.1)),
        iae("Adam(params, lr)", "lr -1", LR + "-1.0", t -> new Adam(t.params, -1.0)),
        npe("Adam(params, lr)", "null params", "params", t -> new Adam(null, 0.1)),
        iae("Adam(params, lr, beta1, beta2, eps)", "beta1 NaN",
            "beta1 must be in [0, 1), got NaN", t -> new Adam(t.params, 0.1, NAN, 0.999, 1e-8)),
        iae("Adam(params, lr, beta1, beta2, eps)", "beta2 1",
            "beta2 must be in [0, 1), got 1.0", t -> new Adam(t.params, 0.1, 0.9, 1.0, 1e-8)),
        iae("Adam(params, lr, beta1, beta2, eps)", "eps 0",
            "eps must be positive and finite, got 0.0",
            t -> new Adam(t.params, 0.1, 0.9, 0.999, 0.0)),
        iae("Adam(params, lr, beta1, beta2, eps)", "eps Infinity",
            "eps must be positive and finite, got Infinity",
            t -> new Adam(t.params, 0.1, 0.9, 0.999, INF)),
        iae("AdamW(params, lr)", "empty params", EMPTY_PARAMS, t -> new AdamW(List.of(), 0.1)),
        npe("AdamW(params, lr)", "a null parameter", "params[0] is null",
            t -> new AdamW(Arrays.asList(null, t.b), 0.1)),
        iae("AdamW(params, lr, weightDecay)", "weightDecay -0.1",
            "weightDecay must be non-negative and finite, got -0.1",
            t -> new AdamW(t.params, 0.1, -0.1)),
        iae("AdamW(params, lr, weightDecay)", "weightDecay NaN",
            "weightDecay must be non-negative and finite, got NaN",
            t -> new AdamW(t.params, 0.1, NAN)),
        iae("AdamW(params, lr, beta1, beta2, eps, weightDecay)", "beta1 -0.1",
            "beta1 must be in [0, 1), got -0.1",
            t -> new AdamW(t.params, 0.1, -0.1, 0.999, 1e-8, 0.01)),
        iae("AdamW(params, lr, beta1, beta2, eps, weightDecay)", "weightDecay Infinity",
            "weightDecay must be non-negative and finite, got Infinity",
            t -> new AdamW(t.params, 0.1, 0.9, 0.999, 1e-8, INF)),
        iae("Sgd.setLearningRate", "NaN", LR + "NaN",
            t -> t.optimizers.get(0).setLearningRate(NAN)),
        iae("Adam.setLearningRate", "0", LR + "0.0",
            t -> t.optimizers.get(1).setLearningRate(0.0)),
        iae("AdamW.setLearningRate", "-Infinity", LR + "-Infinity",
            t -> t.optimizers.get(2).setLearningRate(Double.NEGATIVE_INFINITY)));
  }

  private static Stream<Row> lossRows(String name, Loss loss) {
    String of = name + ".of";
    return Stream.of(
        npe(of, "null predictions", "predictions", t -> loss.of(null, t.targets)),
        npe(of, "null targets", "targets", t -> loss.of(t.predictions, null)),
        iae(of, "lengths 2 and 1", "predictions and targets differ in length: 2 vs 1",
            t -> loss.of(t.predictions, t.targets.subList(0, 1))),
        iae(of, "empty lists", "a loss needs at least one prediction, got none",
            t -> loss.of(List.of(), List.of())),
        npe(of, "a null prediction", "predictions[1] is null",
            t -> loss.of(Arrays.asList(t.predictions.get(0), null), t.targets)),
        npe(of, "a null target", "targets[0] is null",
            t -> loss.of(t.predictions, Arrays.asList(null, t.targets.get(1)))));
  }

  private static Stream<Row> otherRows() {
    List<Value> half = List.of(Value.of(0.5), Value.of(0.5));
    return Stream.of(
        iae("HingeLoss.of", "label 0.5", "hinge labels must be -1 or +1, got targets[1]=0.5",
            t -> HingeLoss.of(t.predictions, List.of(Value.of(1.0), Value.of(0.5)))),
        iae("HingeLoss.of", "label NaN", "hinge labels must be -1 or +1, got targets[0]=NaN",
            t -> HingeLoss.of(t.predictions, List.of(Value.of(NAN), Value.of(1.0)))),
        iae("BinaryCrossEntropyLoss.of", "prediction 1.0",
            "predictions[1] must be a probability in (0, 1), got 1.0",
            t -> BinaryCrossEntropyLoss.of(List.of(Value.of(0.5), Value.of(1.0)), half)),
        iae("BinaryCrossEntropyLoss.of", "prediction NaN",
            "predictions[0] must be a probability in (0, 1), got NaN",
            t -> BinaryCrossEntropyLoss.of(List.of(Value.of(NAN), Value.of(0.5)), half)),
        iae("BinaryCrossEntropyLoss.of", "target 1.5", "targets[0] must be in [0, 1], got 1.5",
            t -> BinaryCrossEntropyLoss.of(half, List.of(Value.of(1.5), Value.of(0.0)))),
        iae("CrossEntropyLoss.of", "target class 2 of 2", "target class 2 out of range [0, 2) for 2"
            + " logits", t -> CrossEntropyLoss.of(t.predictions, 2)),
        iae("CrossEntropyLoss.of", "target class -1", "target class -1 out of range [0, 2) for 2"
            + " logits", t -> CrossEntropyLoss.of(t.predictions, -1)),
        iae("CrossEntropyLoss.of", "no logits", "target class 0 out of range [0, 0) for 0 logits",
            t -> CrossEntropyLoss.of(List.of(), 0)),
        npe("CrossEntropyLoss.of", "null logits", "logits",
            t -> CrossEntropyLoss.of((List<Value>) null, 0)),
        npe("CrossEntropyLoss.of", "a null logit", "logits[1] is null",
            t -> CrossEntropyLoss.of(Arrays.asList(t.w, null), 0)),
        iae("CrossEntropyLoss.of", "target probability 1.5",
            "targets[1] must be a probability in [0, 1], got 1.5",
            t -> CrossEntropyLoss.of(t.predictions, List.of(Value.of(0.0), Value.of(1.5)))),
        iae("CrossEntropyLoss.of", "target probability NaN",
            "targets[0] must be a probability in [0, 1], got NaN",
            t -> CrossEntropyLoss.of(t.predictions, List.of(Value.of(NAN), Value.of(1.0)))),
        iae("CrossEntropyLoss.oneHot", "class 3 of 3", "target class 3 out of range [0, 3)",
            t -> CrossEntropyLoss.oneHot(3, 3)),
        iae("CrossEntropyLoss.oneHot", "0 classes", "target class 0 out of range [0, 0)",
            t -> CrossEntropyLoss.oneHot(0, 0)),
        npe("ConfusionMatrix.of", "null actual", "actual",
            t -> ConfusionMatrix.of(null, new int[] {0}, 2)),
        npe("ConfusionMatrix.accuracy", "null predicted", "predicted",
            t -> ConfusionMatrix.accuracy(new int[] {0}, null)),
        iae("ConfusionMatrix.of", "lengths 2 and 1",
            "actual and predicted differ in length: 2 vs 1",
            t -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2)),
        iae("ConfusionMatrix.accuracy", "no examples",
            "no examples: actual and predicted are empty",
            t -> ConfusionMatrix.accuracy(new int[0], new int[0])),
        iae("ConfusionMatrix.of", "0 classes", "classes must be at least 1, got 0",
            t -> ConfusionMatrix.of(new int[] {0}, new int[] {0}, 0)),
        iae("ConfusionMatrix.of", "a predicted class past the last",
            "predicted[1] = 3 is not a class in [0, 3)",
            t -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 3}, 3)),
        iae("ConfusionMatrix.of", "a negative true class",
            "actual[0] = -1 is not a class in [0, 3)",
            t -> ConfusionMatrix.of(new int[] {-1, 1}, new int[] {0, 1}, 3)),
        npe("Regularization.l2", "null params", "params", t -> Regularization.l2(null, 0.1)),
        npe("Regularization.l2", "a null parameter", "params[1] is null",
            t -> Regularization.l2(Arrays.asList(t.w, null), 0.1)),
        iae("Regularization.l2", "alpha -1", "alpha must be non-negative and finite, got -1.0",
            t -> Regularization.l2(t.params, -1.0)),
        iae("Regularization.l2", "alpha NaN", "alpha must be non-negative and finite, got NaN",
            t -> Regularization.l2(t.params, NAN)),
        npe("GradientClipping.clipByNorm", "null params", "params",
            t -> GradientClipping.clipByNorm(null, 1.0)),
        npe("GradientClipping.clipByNorm", "a null parameter", "params[1] is null",
            t -> GradientClipping.clipByNorm(Arrays.asList(t.w, null), 1e-3)),
        iae("GradientClipping.clipByNorm", "maxNorm 0",
            "maxNorm must be positive and finite, got 0.0",
            t -> GradientClipping.clipByNorm(t.params, 0.0)),
        iae("GradientClipping.clipByNorm", "maxNorm NaN",
            "maxNorm must be positive and finite, got NaN",
            t -> GradientClipping.clipByNorm(t.params, NAN)),
        iae("LearningRateSchedule.stepDecay", "initial NaN",
            "initial must be positive and finite, got NaN",
            t -> LearningRateSchedule.stepDecay(NAN, 0.5, 10)),
        iae("LearningRateSchedule.stepDecay", "factor Infinity",
            "factor must be positive and finite, got Infinity",
            t -> LearningRateSchedule.stepDecay(0.1, INF, 10)),
        iae("LearningRateSchedule.stepDecay", "every 0", "every must be at least 1, got 0",
            t -> LearningRateSchedule.stepDecay(0.1, 0.5, 0)),
        iae("LearningRateSchedule.linearDecay", "last 0",
            "last must be positive and finite, got 0.0",
            t -> LearningRateSchedule.linearDecay(0.1, 0.0, 10)),
        iae("LearningRateSchedule.linearDecay", "steps -5", "steps must be at least 1, got -5",
            t -> LearningRateSchedule.linearDecay(0.1, 0.01, -5)),
        iae("LearningRateSchedule.rate", "step -1 (step decay)",
            "step must be non-negative, got -1",
            t -> LearningRateSchedule.stepDecay(0.1, 0.5, 10).rate(-1)),
        iae("LearningRateSchedule.rate", "step -1 (linear decay)",
            "step must be non-negative, got -1",
            t -> LearningRateSchedule.linearDecay(0.1, 0.01, 10).rate(-1)));
  }

  private static Row iae(String entry, String bad, String message, Consumer<Fixture> call) {
    return new Row(entry, bad, IllegalArgumentException.class, message, call);
  }

  private static Row npe(String entry, String bad, String message, Consumer<Fixture> call) {
    return new Row(entry, bad, NullPointerException.class, message, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputIsRejectedWithAStandardExceptionNamingItAndNoParameterChanges(Row row) {
    Fixture fixture = new Fixture();
    String before = fixture.state();
    RuntimeException e = assertThrows(row.thrown(), () -> row.call().accept(fixture));
    assertEquals(row.thrown(), e.getClass());
    assertEquals(row.message(), e.getMessage());
    assertEquals(before, fixture.state(), "parameters' data and grads, learning rates");
  }

  @Test
  void everyPublicTypeOfOptimHasAtLeastOneRow() {
    List<String> covered = rows().map(Row::entryPoint).toList();
    for (String type : List.of("Sgd", "Adam", "AdamW", "MseLoss", "MaeLoss", "HingeLoss",
        "BinaryCrossEntropyLoss", "CrossEntropyLoss", "ConfusionMatrix", "Regularization",
        "GradientClipping",
        "LearningRateSchedule")) {
      assertEquals(true, covered.stream().anyMatch(p -> p.startsWith(type)), type);
    }
  }

  @Test
  void emptyParameterListsOutsideOptimizersAreAcceptedAsDocumented() {
    assertEquals(0.0, Regularization.l2(List.of(), 0.1).data());
    assertEquals(0.0, GradientClipping.clipByNorm(List.of(), 1.0));
  }
}
