package dev.autograd.nn;

import dev.autograd.core.Parameters;
import dev.autograd.core.Value;
import java.util.List;

/** A model with trainable parameters: leaves that an optimizer updates. */
public interface Module {
  /**
   * Returns this model's parameters in a fixed, documented order (the order {@link
   * ParameterFile} saves them in). The list is unmodifiable; the values are the live parameter
   * leaves, whose data an optimizer changes. A model with tied weights may list a node more than
   * once: every API that takes the list treats it as one parameter ({@link Parameters#distinct}).
   */
  List<Value> parameters();

  /**
   * Sets the grad of every parameter to {@code 0} (mutates the parameters' grads), by {@link
   * Parameters#zeroGrad(List)}.
   */
  default void zeroGrad() {
    Parameters.zeroGrad(parameters());
  }
}
