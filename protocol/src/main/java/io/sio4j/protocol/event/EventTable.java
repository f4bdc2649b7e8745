package io.sio4j.protocol.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * An immutable snapshot of a {@link ListenerRegistry}'s registrations by event name, replaced as a
 * whole on every change (copy-on-write: registration is rare, dispatch frequent).
 *
 * <p>Most emitters have a handful of events, so names and registrations are two parallel arrays
 * searched in order (a few bytes per event, where a concurrent map of lists cost ~200 bytes plus
 * ~50 per event); from {@value #INDEXED_FROM} events on, a hash index is built with the snapshot so
 * that a lookup stays constant-time.
 *
 * <pre>{@code
 * EventTable t = EventTable.EMPTY.with("chat", EventTable.append(null, entry));
 * EventTable.Entry[] chat = t.get("chat");
 * }</pre>
 *
 * <p>Immutable (the {@link Entry#claim() once flag} of an entry aside), so thread-safe.
 */
final class EventTable {
  static final EventTable EMPTY = new EventTable(new String[0], new Entry[0][]);
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

  private final String[] names;
  private final Entry[][] lists;
  private final Map<String, Entry[]> index; // null below INDEXED_FROM names

  private EventTable(String[] names, Entry[][] lists) {
    this.names = names;
    this.lists = lists;
    if (names.length < INDEXED_FROM) {
      this.index = null;
    } else {
      Map<String, Entry[]> m = new HashMap<>(names.length * 2);
      for (int i = 0; i < names.length; i++) m.put(names[i], lists[i]);
      this.index = m;
    }
  }

  /** The registrations of {@code event} in call order, never empty; null when there are none. */
  Entry[] get(String event) {
    if (index != null) return index.get(event);
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(event)) return lists[i];
    }
    return null;
  }

  /** A table where {@code event} has {@code list} (null or empty: no registration any more). */
  EventTable with(String event, Entry[] list) {
    boolean removing = list == null || list.length == 0;
    int at = -1;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(event)) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      if (removing) return this;
      String[] n = Arrays.copyOf(names, names.length + 1);
      Entry[][] l = Arrays.copyOf(lists, lists.length + 1);
      n[names.length] = event;
      l[lists.length] = list;
      return new EventTable(n, l);
    }
    if (!removing) {
      Entry[][] l = lists.clone();
      l[at] = list;
      return new EventTable(names, l);
    }
    if (names.length == 1) return EMPTY;
    String[] n = new String[names.length - 1];
    Entry[][] l = new Entry[names.length - 1][];
    System.arraycopy(names, 0, n, 0, at);
    System.arraycopy(names, at + 1, n, at, names.length - at - 1);
    System.arraycopy(lists, 0, l, 0, at);
    System.arraycopy(lists, at + 1, l, at, lists.length - at - 1);
    return new EventTable(n, l);
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
