package io.sio4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.AnyListener;
import io.sio4j.protocol.event.BindingException;
import io.sio4j.protocol.event.Listener0;
import io.sio4j.protocol.event.Listener1;
import io.sio4j.protocol.event.Listener2;
import io.sio4j.protocol.event.Listener3;
import io.sio4j.protocol.event.Listener4;
import io.sio4j.protocol.event.ListenerInvoker;
import io.sio4j.protocol.event.RawListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one socket or Manager. Reserved events (connect, disconnect, reconnect, ...)
 * pass Java values straight to the listener; server events bind their JSON arguments to the
 * listener's declared parameter types. A listener that throws is logged and never breaks the
 * connection.
 *
 * <p>Thread-safe: registration from any thread; emits from the Manager's thread, running listeners
 * there or on the executor.
 */
final class Listeners {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client");

  private record Entry(Object listener, boolean once, AtomicBoolean fired) {}

  private final Executor executor;
  private final ListenerInvoker invoker;
  private final Map<String, CopyOnWriteArrayList<Entry>> byEvent = new ConcurrentHashMap<>();
  final CopyOnWriteArrayList<AnyListener> any = new CopyOnWriteArrayList<>();
  final CopyOnWriteArrayList<AnyListener> anyOutgoing = new CopyOnWriteArrayList<>();

  Listeners(Manager manager) {
    this.executor = manager.options.listenerExecutor();
    this.invoker = new ListenerInvoker(manager.binding);
  }

  void on(String event, Object listener, boolean once) {
    if (event == null) throw new NullPointerException("event");
    if (!(listener instanceof Listener0
        || listener instanceof Listener1
        || listener instanceof Listener2
        || listener instanceof Listener3
        || listener instanceof Listener4
        || listener instanceof RawListener)) {
      throw new IllegalArgumentException(
          "a listener is a Listener0..Listener4 or a RawListener, not " + listener);
    }
    byEvent
        .computeIfAbsent(event, k -> new CopyOnWriteArrayList<>())
        .add(new Entry(listener, once, new AtomicBoolean()));
  }

  void off(String event, Object listener) {
    List<Entry> list = byEvent.get(event);
    if (list == null) return;
    for (Entry e : list) {
      if (e.listener == listener) {
        list.remove(e);
        return;
      }
    }
  }

  void off(String event) {
    byEvent.remove(event);
  }

  void offAll() {
    byEvent.clear();
  }

  List<Object> listeners(String event) {
    List<Entry> list = byEvent.get(event);
    if (list == null) return List.of();
    List<Object> out = new ArrayList<>();
    list.forEach(e -> out.add(e.listener));
    return Collections.unmodifiableList(out);
  }

  boolean hasListeners(String event) {
    List<Entry> list = byEvent.get(event);
    return list != null && !list.isEmpty();
  }

  /** Calls the listeners of a reserved event with Java values. */
  void emitReserved(String event, Object... args) {
    for (Entry e : take(event)) run(() -> callWithValues(e.listener, args));
  }

  /** Calls catch-all listeners then the event's listeners with the server's JSON arguments. */
  void emitEvent(String event, List<JsonNode> args, Ack ack) {
    Ack anyAck = ack == Ack.NONE ? null : ack;
    for (AnyListener l : any) run(() -> invoker.invokeAny(l, event, args, anyAck));
    for (Entry e : take(event)) {
      run(
          () -> {
            try {
              invoker.invoke(e.listener, args, ack);
            } catch (BindingException ex) {
              log.warn("event '{}' not delivered to a listener: {}", event, ex.getMessage());
            }
          });
    }
  }

  /** Calls the outgoing catch-all listeners. */
  void emitOutgoing(String event, List<Object> args) {
    if (anyOutgoing.isEmpty()) return;
    List<Object> copy = Collections.unmodifiableList(new ArrayList<>(args));
    for (AnyListener l : anyOutgoing) run(() -> l.call(event, copy));
  }

  private List<Entry> take(String event) {
    List<Entry> list = byEvent.get(event);
    if (list == null || list.isEmpty()) return List.of();
    List<Entry> out = new ArrayList<>(list.size());
    for (Entry e : list) {
      if (e.once) {
        if (!e.fired.compareAndSet(false, true)) continue;
        list.remove(e);
      }
      out.add(e);
    }
    return out;
  }

  void run(Runnable call) {
    Runnable safe =
        () -> {
          try {
            call.run();
          } catch (RuntimeException | Error e) {
            log.warn("a listener threw; the connection goes on", e);
          }
        };
    if (executor == null) safe.run();
    else executor.execute(safe);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void callWithValues(Object l, Object[] a) {
    Object a0 = a.length > 0 ? a[0] : null;
    Object a1 = a.length > 1 ? a[1] : null;
    Object a2 = a.length > 2 ? a[2] : null;
    Object a3 = a.length > 3 ? a[3] : null;
    if (l instanceof Listener0 x) x.call();
    else if (l instanceof Listener1 x) x.call(a0);
    else if (l instanceof Listener2 x) x.call(a0, a1);
    else if (l instanceof Listener3 x) x.call(a0, a1, a2);
    else if (l instanceof Listener4 x) x.call(a0, a1, a2, a3);
    else if (l instanceof RawListener) log.debug("raw listener ignored for a reserved event");
  }
}
