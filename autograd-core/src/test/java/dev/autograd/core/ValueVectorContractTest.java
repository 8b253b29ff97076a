package dev.autograd.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Value#vector}'s contract as a list: its checks, that no mutator of {@link List} (nor of
 * its iterators and views) changes it, that later changes to the source list (or to the array
 * behind it) do not show, and that a dot node built over it is unaffected by either.
 */
class ValueVectorContractTest {
  private final Value x = Value.of(1.0, "x");
  private final Value y = Value.of(2.0, "y");
  private final Value z = Value.of(3.0, "z");

  @Test
  void nullListAndNullElementsAreRejectedNamingTheIndex() {
    NullPointerException none = assertThrows(NullPointerException.class, () -> Value.vector(null));
    assertEquals("values", none.getMessage());
    for (int i = 0; i < 3; i++) {
      List<Value> list = new ArrayList<>(List.of(x, y, z));
      list.set(i, null);
      NullPointerException e = assertThrows(NullPointerException.class, () -> Value.vector(list));
      assertEquals("values[" + i + "] is null", e.getMessage());
    }
    List<Value> twoNulls = Arrays.asList(x, null, null);
    assertEquals("values[1] is null",
        assertThrows(NullPointerException.class, () -> Value.vector(twoNulls)).getMessage());
  }

  @Test
  void everyMutatorThrowsAndLeavesTheVectorAsItWas() {
    List<Value> v = Value.vector(List.of(x, y, z));
    List<Executable> mutators = List.of(
        () -> v.add(x),
        () -> v.add(0, x),
        () -> v.set(1, x),
        () -> v.remove(0),
        () -> v.remove(x),
        () -> v.addAll(List.of(x)),
        () -> v.addAll(0, List.of(x)),
        () -> v.removeAll(List.of(x)),
        () -> v.retainAll(List.of(x)),
        () -> v.removeIf(e -> true),
        () -> v.replaceAll(e -> x),
        () -> v.sort(Comparator.comparingDouble(Value::data).reversed()),
        () -> Collections.reverse(v),
        () -> Collections.swap(v, 0, 2),
        () -> Collections.shuffle(v),
        () -> v.clear(),
        () -> {
          Iterator<Value> it = v.iterator();
          it.next();
          it.remove();
        },
        () -> {
          ListIterator<Value> it = v.listIterator();
          it.next();
          it.set(z);
        },
        () -> v.listIterator(1).add(z),
        () -> v.subList(0, 2).set(0, z),
        () -> v.subList(0, 2).clear());
    for (int i = 0; i < mutators.size(); i++) {
      assertThrows(UnsupportedOperationException.class, mutators.get(i), "mutator " + i);
      assertEquals(List.of(x, y, z), v, "after mutator " + i);
    }
  }

  @Test
  void laterChangesToTheSourceDoNotShow() {
    Value[] array = {x, y, z};
    List<Value> backed = Arrays.asList(array);
    List<Value> fromArray = Value.vector(backed);
    array[0] = z; // Arrays.asList writes through to the array
    assertEquals(List.of(x, y, z), fromArray);

    List<Value> linked = new LinkedList<>(List.of(x, y));
    List<Value> fromLinked = Value.vector(linked);
    linked.add(z);
    linked.set(0, y);
    assertEquals(List.of(x, y), fromLinked);

    List<Value> cow = new CopyOnWriteArrayList<>(List.of(x, y, z));
    List<Value> fromCow = Value.vector(cow);
    cow.clear();
    assertEquals(3, fromCow.size());

    List<Value> sub = new ArrayList<>(List.of(x, y, z, x));
    List<Value> fromSub = Value.vector(sub.subList(1, 3));
    sub.set(1, x);
    assertEquals(List.of(y, z), fromSub);
  }

  @Test
  void aVectorIsAListLikeAnyOtherAndOnlyAVectorIsReturnedAsItIs() {
    List<Value> v = Value.vector(new ArrayList<>(List.of(x, y, x)));
    assertEquals(List.of(x, y, x), v);
    assertEquals(v, List.of(x, y, x));
    assertEquals(List.of(x, y, x).hashCode(), v.hashCode());
    assertEquals(1, v.lastIndexOf(y));
    assertEquals(2, v.lastIndexOf(x));
    assertTrue(v.contains(y));
    assertEquals(List.of(y, x), v.subList(1, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> v.get(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> v.get(3));
    assertSame(v, Value.vector(v));
    List<Value> view = Collections.unmodifiableList(v);
    assertNotSame(v, Value.vector(view), "a view of a vector is copied");
    assertEquals(v, Value.vector(view));
    Value[] out = v.toArray(new Value[0]);
    out[0] = z; // the array handed out is the caller's
    assertEquals(x, v.get(0));
    Object[] objects = v.toArray();
    objects[1] = z;
    assertEquals(y, v.get(1));
  }

  @Test
  void aDotOverAVectorKeepsItsFactorsWhateverHappensToTheSource() {
    List<Value> source = new ArrayList<>(List.of(x, y));
    List<Value> v = Value.vector(source);
    Value s = Value.of(0.5, "s");
    Value d = Value.dot(s, v, v);
    source.set(0, z);
    source.add(z);
    assertEquals(0.5 + 1.0 + 4.0, d.data());
    assertEquals(List.of(s, x, x, y, y), d.children());
    d.backward();
    assertEquals(2.0, x.grad());
    assertEquals(4.0, y.grad());
    assertEquals(0.0, z.grad());
  }

  @Test
  void dotOverAPlainListCopiesItAndChecksItsLength() {
    List<Value> a = new ArrayList<>(List.of(x, y));
    List<Value> b = Value.vector(List.of(y, z));
    Value s = Value.of(0.0);
    Value d = Value.dot(s, a, b);
    a.set(0, z); // a plain list is copied when the node is built
    d.backward();
    assertEquals(2.0, x.grad());
    assertEquals(0.0 + 1.0 * 2.0 + 2.0 * 3.0, d.data());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Value.dot(s, Value.vector(List.of(x)), b));
    assertEquals("dot needs vectors of equal length, got 1 and 2", e.getMessage());
    NullPointerException n = assertThrows(NullPointerException.class,
        () -> Value.dot(s, Arrays.asList(x, null), b));
    assertEquals("a[1] is null", n.getMessage());
    NullPointerException nb = assertThrows(NullPointerException.class,
        () -> Value.dot(s, b, Arrays.asList(x, null)));
    assertEquals("b[1] is null", nb.getMessage());
    assertSame(s, Value.dot(s, Value.vector(List.of()), Value.vector(List.of())));
  }
}
