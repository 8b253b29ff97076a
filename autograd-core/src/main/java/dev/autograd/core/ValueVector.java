package dev.autograd.core;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The unmodifiable list {@link Value#vector} returns: an array no one writes into after it is
 * filled, which {@link Value#dot} keeps as a dot node's factors without copying it.
 */
final class ValueVector extends AbstractList<Value> implements RandomAccess {
  /** The elements, none null. */
  final Value[] elements;
  /**
   * The number of the last backward pass that reached every element, or 0: a pass meets each
   * node once, so a later dot node of the same pass need not reach them again.
   */
  long reachedIn;

  /** The highest {@link Value#level} of the elements, 0 if there are none. */
  final int level;

  /** A vector over {@code elements}, none null, which no one may change afterwards. */
  ValueVector(Value[] elements) {
    this.elements = elements;
    int highest = 0;
    for (Value e : elements) {
      highest = Math.max(highest, e.level);
    }
    this.level = highest;
  }

  @Override
  public Value get(int index) {
    return elements[Objects.checkIndex(index, elements.length)];
  }

  @Override
  public int size() {
    return elements.length;
  }
}
