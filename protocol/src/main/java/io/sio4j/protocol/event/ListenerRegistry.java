package io.sio4j.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The listeners of one emitter (a server socket, a client socket, a client Manager): the one
 * registry behind {@link EventEmitter} and {@link SocketEventEmitter} on both sides. The server and
 * the client compose one each and call its {@code emit*} methods when events arrive; applications
 * use the emitter interfaces instead.
 *
 * <pre>{@code
 * ListenerRegistry registry =
 *     new ListenerRegistry(new ListenerInvoker(parser.binding()), Runnable::run, log, () -> "socket " + id);
 * registry.add("chat", (Listener1<String>) msg -> System.out.println(msg), false);
 * registry.emitEvent("chat", List.of(TextNode.valueOf("hi")), null);
 * }</pre>
 *
 * <p>Rules, the same on both sides:
 *
 * <ul>
 *   <li>a null event name or listener throws {@link NullPointerException}; an object that is not a
 *       listener type throws {@link IllegalArgumentException};
 *   <li>{@code once} listeners are removed before their first call, so they run at most once even
 *       when events race;
 *   <li>arguments that do not bind to a listener's types: that listener is skipped and a WARN is
 *       logged (the listener's declared types do not match what the peer sent);
 *   <li>a listener that throws: logged at ERROR with the stack trace; the connection goes on;
 *   <li>each listener call runs through the {@code runner} (the caller's thread, or an executor).
 * </ul>
 *
 * <p>Thread-safe: copy-on-write lists, registration is rare and dispatch frequent.
 */
public final class ListenerRegistry {
  private record Entry(
      Object listener, ListenerSignature signature, boolean once, AtomicBoolean fired) {}

  private final ListenerInvoker invoker;
  private final Executor runner;
  private final Logger log;
  private final Supplier<String> owner;
  private final Map<String, CopyOnWriteArrayList<Entry>> byEvent = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<AnyListener> any = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<AnyListener> anyOutgoing = new CopyOnWriteArrayList<>();

  /**
   * A registry.
   *
   * @param invoker binds arguments with the owner's mapper
   * @param runner runs each listener call ({@code Runnable::run} for the caller's thread)
   * @param log where failures are logged (the owner's layer: {@code io.sio4j.server}, ...)
   * @param owner names the owner in log lines, e.g. {@code "socket " + id}
   */
  public ListenerRegistry(
      ListenerInvoker invoker, Executor runner, Logger log, Supplier<String> owner) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.log = Objects.requireNonNull(log, "log");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  /** The invoker, whose binding is the owner's mapper. */
  public ListenerInvoker invoker() {
    return invoker;
  }

  // ---- registration

  /**
   * Adds a listener ({@link Listener0} to {@link Listener4} or {@link RawListener}) whose types are
   * read from the listener itself.
   */
  public void add(String event, Object listener, boolean once) {
    put(event, listener, null, once);
  }

  /**
   * Adds a listener with explicit parameter types; {@code lastIsAck} says whether its last
   * parameter receives the {@link Ack} (it has then {@code types.length + 1} parameters).
   */
  public void addTyped(
      String event, Object listener, boolean once, boolean lastIsAck, Type... types) {
    Objects.requireNonNull(types, "types");
    Type[] all = types;
    if (lastIsAck) {
      all = Arrays.copyOf(types, types.length + 1);
      all[types.length] = Ack.class;
    }
    for (Type t : all) Objects.requireNonNull(t, "type");
    put(event, listener, ListenerSignature.explicit(all, lastIsAck), once);
  }

  private void put(String event, Object listener, ListenerSignature signature, boolean once) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(listener, "listener");
    if (!(listener instanceof RawListener)) ListenerInvoker.arity(listener); // checks the type
    byEvent
        .computeIfAbsent(event, k -> new CopyOnWriteArrayList<>())
        .add(new Entry(listener, signature, once, new AtomicBoolean()));
  }

  /** Removes the first registration of this listener instance for the event. */
  public void remove(String event, Object listener) {
    Objects.requireNonNull(event, "event");
    List<Entry> list = byEvent.get(event);
    if (list == null) return;
    for (Entry e : list) {
      if (e.listener == listener) {
        list.remove(e);
        return;
      }
    }
  }

  /** Removes every listener of the event. */
  public void removeAll(String event) {
    byEvent.remove(Objects.requireNonNull(event, "event"));
  }

  /** Removes every listener of every event (not the catch-all ones, as in JavaScript). */
  public void removeAll() {
    byEvent.clear();
  }

  /** The listeners of an event, in call order; an unmodifiable snapshot. */
  public List<Object> listeners(String event) {
    List<Entry> list = byEvent.get(Objects.requireNonNull(event, "event"));
    if (list == null) return List.of();
    List<Object> out = new ArrayList<>(list.size());
    list.forEach(e -> out.add(e.listener));
    return Collections.unmodifiableList(out);
  }

  /** The number of listeners of an event. */
  public int listenerCount(String event) {
    List<Entry> list = byEvent.get(Objects.requireNonNull(event, "event"));
    return list == null ? 0 : list.size();
  }

  /** Adds an incoming catch-all listener, at the end or ({@code prepend}) at the front. */
  public void addAny(AnyListener listener, boolean prepend) {
    add(any, listener, prepend);
  }

  /** Removes an incoming catch-all listener; all of them when {@code listener} is null. */
  public void removeAny(AnyListener listener) {
    if (listener == null) any.clear();
    else any.remove(listener);
  }

  /** The incoming catch-all listeners; an unmodifiable snapshot. */
  public List<AnyListener> listenersAny() {
    return List.copyOf(any);
  }

  /** Adds an outgoing catch-all listener, at the end or ({@code prepend}) at the front. */
  public void addAnyOutgoing(AnyListener listener, boolean prepend) {
    add(anyOutgoing, listener, prepend);
  }

  /** Removes an outgoing catch-all listener; all of them when {@code listener} is null. */
  public void removeAnyOutgoing(AnyListener listener) {
    if (listener == null) anyOutgoing.clear();
    else anyOutgoing.remove(listener);
  }

  /** The outgoing catch-all listeners; an unmodifiable snapshot. */
  public List<AnyListener> listenersAnyOutgoing() {
    return List.copyOf(anyOutgoing);
  }

  /** Whether any incoming catch-all listener is registered. */
  public boolean hasAny() {
    return !any.isEmpty();
  }

  /** Whether any outgoing catch-all listener is registered. */
  public boolean hasAnyOutgoing() {
    return !anyOutgoing.isEmpty();
  }

  private static void add(List<AnyListener> list, AnyListener listener, boolean prepend) {
    Objects.requireNonNull(listener, "listener");
    if (prepend) list.add(0, listener);
    else list.add(listener);
  }

  // ---- dispatch, called by the server and the client

  /**
   * Calls the event's listeners with its arguments bound to their types; {@code ack} is the
   * acknowledgement callback, null (or {@link Ack#NONE}) when none was asked.
   */
  public void emitEvent(String event, List<JsonNode> args, Ack ack) {
    for (Entry e : take(event)) {
      run(
          () -> {
            try {
              invoker.invoke(e.listener, e.signature, args, ack);
            } catch (BindingException ex) {
              log.warn(
                  "{}: event '{}' not delivered to a listener: {}",
                  owner.get(),
                  event,
                  ex.getMessage());
            }
          });
    }
  }

  /**
   * Calls the event's listeners with Java values as they are (the client's reserved events such as
   * {@code connect} or {@code reconnect_attempt}); raw listeners are skipped.
   */
  public void emitReserved(String event, Object... values) {
    for (Entry e : take(event)) run(() -> callWithValues(e.listener, values));
  }

  /**
   * Calls the incoming catch-all listeners with natural values; {@code ack}, unless null or {@link
   * Ack#NONE}, is appended as the last argument, as in JavaScript.
   */
  public void emitAny(String event, List<JsonNode> args, Ack ack) {
    Ack last = ack == Ack.NONE ? null : ack;
    for (AnyListener l : any) run(() -> invoker.invokeAny(l, event, args, last));
  }

  /** Calls the outgoing catch-all listeners with the values given to {@code emit}. */
  public void emitOutgoing(String event, List<Object> values) {
    if (anyOutgoing.isEmpty()) return;
    List<Object> copy = Collections.unmodifiableList(new ArrayList<>(values));
    for (AnyListener l : anyOutgoing) run(() -> l.call(event, copy));
  }

  /** Runs user code through the runner; whatever it throws is logged, never propagated. */
  public void run(Runnable userCode) {
    runner.execute(
        () -> {
          try {
            userCode.run();
          } catch (Exception | LinkageError | AssertionError e) {
            log.error("{}: a listener threw; the connection goes on", owner.get(), e);
          }
        });
  }

  /** The registrations to call, the {@code once} ones removed (and claimed) first. */
  private List<Entry> take(String event) {
    CopyOnWriteArrayList<Entry> list = byEvent.get(event);
    if (list == null || list.isEmpty()) return List.of();
    boolean anyOnce = false;
    for (Entry e : list) anyOnce |= e.once;
    // iterating a copy-on-write list walks a snapshot: no copy needed when none is removed here
    if (!anyOnce) return list;
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
  }
}
