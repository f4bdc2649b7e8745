package io.sio4j.protocol.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * An immutable snapshot of a {@link ListenerRegistry}'s registrations by event name, replaced as a
 * whole on every change (copy-on-write: registration is rare, dispatch frequent).
 *
 * <p>Most emitters have a handful of events, so names and registrations alternate in one array
 * searched in order (a few bytes per event, where a concurrent map of lists cost ~200 bytes plus
 * ~50 per event); from {@value #INDEXED_FROM} events on, a hash index is built with the snapshot so
 * that a lookup stays constant-time.
 *
 * <pre>{@code
 * EventTable t = EventTable.EMPTY.with("chat", EventTable.append(null, entry));
 * Object chat = t.find("chat"); // entry itself: an event's only registration has no array
 * for (int i = 0; i < EventTable.count(chat); i++) call(EventTable.at(chat, i));
 * }</pre>
 *
 * <p>Immutable (the {@link Entry#claim() once flag} of an entry aside), so thread-safe.
 */
final class EventTable {
  static final EventTable EMPTY = new EventTable(new Object[0]);
  static final Entry[] NONE = {};
  static final int INDEXED_FROM = 9;

  /** One registration: the listener, its explicit signature (or null), whether it is once. */
  static final class Entry {
    private static final int ALWAYS = 0;
    private static final int ONCE = 1;
    private static final int ONCE_CLAIMED = 2;
    private static final AtomicIntegerFieldUpdater<Entry> STATE =
        AtomicIntegerFieldUpdater.newUpdater(Entry.class, "state");

    final Object listener;
    final ListenerSignature signature;
    // one int for "once" and "claimed" keeps an entry at 24 bytes (a boolean more made it 32)
    private volatile int state;

    Entry(Object listener, ListenerSignature signature, boolean once) {
      this.listener = listener;
      this.signature = signature;
      this.state = once ? ONCE : ALWAYS;
    }

    /** Whether this is a {@code once} registration (claimed or not). */
    boolean once() {
      return state != ALWAYS;
    }

    /** Claims a {@code once} registration: true for the one caller that gets to run it. */
    boolean claim() {
      return STATE.compareAndSet(this, ONCE, ONCE_CLAIMED);
    }
  }

  // names and their registrations in one array, {name0, list0, name1, list1, ...}: one array
  // header less than two parallel arrays; a list of one is the Entry itself, most events having
  // one listener (a server holds a table per socket: issue 12)
  // from INDEXED_FROM names on, the array has one more slot at its end, the hash index (a field
  // for it made every table 24 bytes instead of 16, one per socket with listeners: issue 12)
  private final Object[] slots;

  private EventTable(Object[] slots) {
    this.slots = slots;
  }

  /** The table of {@code pairs} ({name0, list0, ...}), with its index when it has enough names. */
  private static EventTable of(Object[] pairs) {
    if (pairs.length / 2 < INDEXED_FROM) return new EventTable(pairs);
    Map<String, Object> index = new HashMap<>(pairs.length);
    for (int i = 0; i < pairs.length; i += 2) index.put((String) pairs[i], pairs[i + 1]);
    Object[] s = Arrays.copyOf(pairs, pairs.length + 1);
    s[pairs.length] = index;
    return new EventTable(s);
  }

  /** How many slots hold names and registrations (the index, if any, comes after them). */
  private int pairSlots() {
    return slots.length & ~1;
  }

  /**
   * The registrations of {@code event} in call order, without a copy: an {@link Entry} when there
   * is one, an {@code Entry[]} of two or more, null when there are none (see {@link #count} and
   * {@link #at}).
   */
  Object find(String event) {
    if ((slots.length & 1) != 0) return indexOf(slots).get(event);
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i].equals(event)) return slots[i + 1];
    }
    return null;
  }

  /** The registrations of {@code event} in call order, never empty; null when there are none. */
  Entry[] get(String event) {
    Object found = find(event);
    return found instanceof Entry one ? new Entry[] {one} : (Entry[]) found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> indexOf(Object[] slots) {
    return (Map<String, Object>) slots[slots.length - 1];
  }

  /** How many registrations {@link #find} gave. */
  static int count(Object found) {
    return found == null ? 0 : found instanceof Entry ? 1 : ((Entry[]) found).length;
  }

  /** Registration {@code i} of what {@link #find} gave. */
  static Entry at(Object found, int i) {
    if (found instanceof Entry one) {
      if (i != 0) throw new IndexOutOfBoundsException("index " + i);
      return one;
    }
    return ((Entry[]) found)[i];
  }

  /** A table where {@code event} has {@code list} (null or empty: no registration any more). */
  EventTable with(String event, Entry[] list) {
    boolean removing = list == null || list.length == 0;
    int n = pairSlots();
    int at = -1;
    for (int i = 0; i < n; i += 2) {
      if (slots[i].equals(event)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      if (removing) return this;
      Object[] s = Arrays.copyOf(slots, n + 2);
      s[n] = event;
      s[n + 1] = list.length == 1 ? list[0] : list;
      return of(s);
    }
    if (!removing) {
      Object[] s = Arrays.copyOf(slots, n);
      s[at + 1] = list.length == 1 ? list[0] : list;
      return of(s);
    }
    if (n == 2) return EMPTY;
    Object[] s = new Object[n - 2];
    System.arraycopy(slots, 0, s, 0, at);
    System.arraycopy(slots, at + 2, s, at, n - at - 2);
    return of(s);
  }

  /** {@code list} (null: none) with {@code entry} added at the end. */
  static Entry[] append(Entry[] list, Entry entry) {
    if (list == null) return new Entry[] {entry};
    Entry[] out = Arrays.copyOf(list, list.length + 1);
    out[list.length] = entry;
    return out;
  }

  /** {@code list} without {@code entry} (compared by identity); the same array if absent. */
  static Entry[] without(Entry[] list, Entry entry) {
    for (int i = 0; i < list.length; i++) {
      if (list[i] != entry) continue;
      Entry[] out = new Entry[list.length - 1];
      System.arraycopy(list, 0, out, 0, i);
      System.arraycopy(list, i + 1, out, i, list.length - i - 1);
      return out;
    }
    return list;
  }
}
