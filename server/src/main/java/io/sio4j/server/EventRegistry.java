package io.sio4j.server;

import io.sio4j.protocol.event.AnyListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one socket: per event name (each remembering the user's object, so that {@code
 * off(event, listener)} finds it) and the catch-all lists.
 *
 * <p>Thread-safe: copy-on-write lists, registration is rare and dispatch frequent.
 */
final class EventRegistry {
  /** One registration; {@code once} registrations are removed before their first call. */
  record Registration(Object listener, EventHandler handler, boolean once) {}

  private final Map<String, List<Registration>> byEvent = new ConcurrentHashMap<>();
  private final List<AnyListener> any = new CopyOnWriteArrayList<>();
  private final List<AnyListener> anyOutgoing = new CopyOnWriteArrayList<>();

  void add(String event, Object listener, EventHandler handler, boolean once) {
    byEvent
        .computeIfAbsent(event, k -> new CopyOnWriteArrayList<>())
        .add(new Registration(listener, handler, once));
  }

  void remove(String event, Object listener) {
    List<Registration> list = byEvent.get(event);
    if (list == null) return;
    for (Registration r : list) {
      if (r.listener() == listener) {
        list.remove(r);
        return;
      }
    }
  }

  void removeAll(String event) {
    if (event == null) byEvent.clear();
    else byEvent.remove(event);
  }

  /** The registrations to call for {@code event}, with the {@code once} ones already removed. */
  List<Registration> take(String event) {
    List<Registration> list = byEvent.get(event);
    if (list == null || list.isEmpty()) return List.of();
    List<Registration> snapshot = List.copyOf(list);
    for (Registration r : snapshot) {
      if (r.once()) list.remove(r);
    }
    return snapshot;
  }

  boolean has(String event) {
    List<Registration> list = byEvent.get(event);
    return list != null && !list.isEmpty();
  }

  List<AnyListener> any() {
    return any;
  }

  List<AnyListener> anyOutgoing() {
    return anyOutgoing;
  }
}
