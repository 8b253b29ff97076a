package dev.autograd.bench;

import dev.autograd.core.Value;
import dev.autograd.optim.Adam;
import dev.autograd.optim.Optimizer;
import dev.autograd.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One optimizer step over the digits model's 2,410 parameters (64 → 32 → 10: 64·32 + 32 + 32·10 +
 * 10), each with a fixed grad: the serial part of every minibatch of a threaded replay, after the
 * threads' gradients are summed. {@code optimizer} = {@code sgd} (plain SGD) or {@code adam}
 * (default hyper-parameters). The learning rate is tiny (1e-9) so that the parameters stay in
 * range however many steps JMH takes.
 *
 * <h2>How to run</h2>
 *
 * <pre>
 * java -jar autograd-bench/target/benchmarks.jar OptimizerStep
 * </pre>
 */
public class OptimizerStepBenchmark extends BenchmarkDefaults {
  /** Parameters of the digits classifier's {@code Mlp} 64 → 32 → 10. */
  static final int PARAMETERS = 64 * 32 + 32 + 32 * 10 + 10;

  /** Which optimizer steps: {@code sgd} or {@code adam}. */
  @Param({"sgd", "adam"})
  String optimizer;

  Optimizer step;
  List<Value> parameters;

  /** Makes the parameters, their grads and the optimizer. */
  @Setup
  public void setUp() {
    Random random = new Random(1);
    parameters = new ArrayList<>(PARAMETERS);
    for (int i = 0; i < PARAMETERS; i++) {
      Value p = Value.of(random.nextGaussian() * 0.1);
      p.setGrad(random.nextGaussian() * 1e-3);
      parameters.add(p);
    }
    switch (optimizer) {
      case "sgd":
        step = new Sgd(parameters, 1e-9);
        break;
      case "adam":
        step = new Adam(parameters, 1e-9);
        break;
      default:
        throw new IllegalArgumentException("unknown optimizer " + optimizer + " (sgd or adam)");
    }
  }

  /** Returns the first parameter's data after one step. */
  @Benchmark
  public double step() {
    step.step();
    return parameters.get(0).data();
  }
}
