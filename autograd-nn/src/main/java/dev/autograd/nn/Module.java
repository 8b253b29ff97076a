package dev.autograd.nn;

import dev.autograd.core.Value;
import java.util.List;

/** A model with trainable parameters: leaves that an optimizer updates. */
public interface Module {
  /**
   * Returns this model's parameters in a fixed, documented order (the order {@link
   * ParameterFile} saves them in). The list is unmodifiable; the values are the live parameter
   * leaves, whose data an optimizer changes.
   */
  List<Value> parameters();

  /** Sets the grad of every parameter to {@code 0} (mutates the parameters' grads). */
  default void zeroGrad() {
    for (Value p : parameters()) {
      p.zeroGrad();
    }
  }
}
