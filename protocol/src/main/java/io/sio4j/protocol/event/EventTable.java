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
  private final Object[] slots;
  private final Map<String, Object> index; // null below INDEXED_FROM names

  private EventTable(Object[] slots) {
    this.slots = slots;
    if (slots.length / 2 < INDEXED_FROM) {
      this.index = null;
    } else {
      Map<String, Object> m = new HashMap<>(slots.length);
      for (int i = 0; i < slots.length; i += 2) m.put((String) slots[i], slots[i + 1]);
      this.index = m;
    }
  }

  /**
   * The registrations of {@code event} in call order, without a copy: an {@link Entry} when there
   * is one, an {@code Entry[]} of two or more, null when there are none (see {@link #count} and
   * {@link #at}).
   */
  Object find(String event) {
    if (index != null) return index.get(event);
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
    int at = -1;
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i].equals(event)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      if (removing) return this;
      Object[] s = Arrays.copyOf(slots, slots.length + 2);
      s[slots.length] = event;
      s[slots.length + 1] = list.length == 1 ? list[0] : list;
      return new EventTable(s);
    }
    if (!removing) {
      Object[] s = slots.clone();
      s[at + 1] = list.length == 1 ? list[0] : list;
      return new EventTable(s);
    }
    if (slots.length == 2) return EMPTY;
    Object[] s = new Object[slots.length - 2];
    System.arraycopy(slots, 0, s, 0, at);
    System.arraycopy(slots, at + 2, s, at, slots.length - at - 2);
    return new EventTable(s);
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
