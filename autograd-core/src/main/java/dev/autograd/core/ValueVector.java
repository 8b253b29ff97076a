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

  ValueVector(Value[] elements) {
    this.elements = elements;
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
