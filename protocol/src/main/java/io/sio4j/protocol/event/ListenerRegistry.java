package io.sio4j.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 * <p>Thread-safe: copy-on-write, registration is rare and dispatch frequent. Registrations are
 * immutable arrays in an immutable {@link EventTable}, replaced under the registry's lock, so a
 * registry costs a few small arrays rather than a concurrent map and a list per event (a server
 * holds one per socket: docs/PERFORMANCE.md, 10,000 idle connections).
 */
public final class ListenerRegistry {
  private static final AnyListener[] NO_ANY = {};

  private final ListenerInvoker invoker;
  private final Executor runner;
  private final Logger log;
  private final Object owner;
  private volatile EventTable byEvent = EventTable.EMPTY; // replaced under this
  private volatile AnyListener[] any = NO_ANY; // replaced under this
  private volatile AnyListener[] anyOutgoing = NO_ANY; // replaced under this

  /**
   * A registry.
   *
   * @param invoker binds arguments with the owner's mapper
   * @param runner runs each listener call ({@code Runnable::run} for the caller's thread)
   * @param log where failures are logged (the owner's layer: {@code io.sio4j.server}, ...)
   * @param owner names the owner in log lines, e.g. {@code () -> "socket " + id}
   */
  public ListenerRegistry(
      ListenerInvoker invoker, Executor runner, Logger log, Supplier<String> owner) {
    this(invoker, runner, log, (Object) owner);
  }

  /**
   * A registry whose log lines name the owner by its {@code toString()}: the owner itself, with no
   * supplier object per registry (a server has one registry per socket).
   *
   * @param owner the owner, named by its {@code toString()} (or a {@link Supplier} of the name)
   */
  public ListenerRegistry(ListenerInvoker invoker, Executor runner, Logger log, Object owner) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.log = Objects.requireNonNull(log, "log");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  private String ownerName() {
    return owner instanceof Supplier<?> s ? String.valueOf(s.get()) : owner.toString();
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
    EventTable.Entry entry = new EventTable.Entry(listener, signature, once);
    synchronized (this) {
      byEvent = byEvent.with(event, EventTable.append(byEvent.get(event), entry));
    }
  }

  /** Removes the first registration of this listener instance for the event. */
  public void remove(String event, Object listener) {
    Objects.requireNonNull(event, "event");
    synchronized (this) {
      EventTable.Entry[] list = byEvent.get(event);
      if (list == null) return;
      for (EventTable.Entry e : list) {
        if (e.listener == listener) {
          byEvent = byEvent.with(event, EventTable.without(list, e));
          return;
        }
      }
    }
  }

  /** Removes every listener of the event. */
  public void removeAll(String event) {
    Objects.requireNonNull(event, "event");
    synchronized (this) {
      byEvent = byEvent.with(event, null);
    }
  }

  /** Removes every listener of every event (not the catch-all ones, as in JavaScript). */
  public void removeAll() {
    synchronized (this) {
      byEvent = EventTable.EMPTY;
    }
  }

  /** The listeners of an event, in call order; an unmodifiable snapshot. */
  public List<Object> listeners(String event) {
    EventTable.Entry[] list = byEvent.get(Objects.requireNonNull(event, "event"));
    if (list == null) return List.of();
    List<Object> out = new ArrayList<>(list.length);
    for (EventTable.Entry e : list) out.add(e.listener);
    return Collections.unmodifiableList(out);
  }

  /** The number of listeners of an event. */
  public int listenerCount(String event) {
    EventTable.Entry[] list = byEvent.get(Objects.requireNonNull(event, "event"));
    return list == null ? 0 : list.length;
  }

  /** Adds an incoming catch-all listener, at the end or ({@code prepend}) at the front. */
  public void addAny(AnyListener listener, boolean prepend) {
    Objects.requireNonNull(listener, "listener");
    synchronized (this) {
      any = plus(any, listener, prepend);
    }
  }

  /** Removes an incoming catch-all listener; all of them when {@code listener} is null. */
  public void removeAny(AnyListener listener) {
    synchronized (this) {
      any = listener == null ? NO_ANY : minus(any, listener);
    }
  }

  /** The incoming catch-all listeners; an unmodifiable snapshot. */
  public List<AnyListener> listenersAny() {
    return List.of(any);
  }

  /** Adds an outgoing catch-all listener, at the end or ({@code prepend}) at the front. */
  public void addAnyOutgoing(AnyListener listener, boolean prepend) {
    Objects.requireNonNull(listener, "listener");
    synchronized (this) {
      anyOutgoing = plus(anyOutgoing, listener, prepend);
    }
  }

  /** Removes an outgoing catch-all listener; all of them when {@code listener} is null. */
  public void removeAnyOutgoing(AnyListener listener) {
    synchronized (this) {
      anyOutgoing = listener == null ? NO_ANY : minus(anyOutgoing, listener);
    }
  }

  /** The outgoing catch-all listeners; an unmodifiable snapshot. */
  public List<AnyListener> listenersAnyOutgoing() {
    return List.of(anyOutgoing);
  }

  /** Whether any incoming catch-all listener is registered. */
  public boolean hasAny() {
    return any.length > 0;
  }

  /** Whether any outgoing catch-all listener is registered. */
  public boolean hasAnyOutgoing() {
    return anyOutgoing.length > 0;
  }

  private static AnyListener[] plus(AnyListener[] list, AnyListener listener, boolean prepend) {
    AnyListener[] out = new AnyListener[list.length + 1];
    System.arraycopy(list, 0, out, prepend ? 1 : 0, list.length);
    out[prepend ? 0 : list.length] = listener;
    return out;
  }

  /** {@code list} without the first listener equal to {@code listener} (as a list's remove). */
  private static AnyListener[] minus(AnyListener[] list, AnyListener listener) {
    for (int i = 0; i < list.length; i++) {
      if (!list[i].equals(listener)) continue;
      if (list.length == 1) return NO_ANY;
      AnyListener[] out = new AnyListener[list.length - 1];
      System.arraycopy(list, 0, out, 0, i);
      System.arraycopy(list, i + 1, out, i, list.length - i - 1);
      return out;
    }
    return list;
  }

  // ---- dispatch, called by the server and the client

  /**
   * Calls the event's listeners with its arguments bound to their types; {@code ack} is the
   * acknowledgement callback, null (or {@link Ack#NONE}) when none was asked.
   */
  public void emitEvent(String event, List<JsonNode> args, Ack ack) {
    Object found = take(event);
    for (int i = 0, n = EventTable.count(found); i < n; i++) {
      runner.execute(new EventCall(event, EventTable.at(found, i), args, ack));
    }
  }

  /**
   * One listener's call for one event: binds the arguments, calls it, and logs what either throws,
   * as {@link #run} does. One object handed straight to the runner: the lambda in a lambda it
   * replaces added four links to every message's call chain, and the JIT compiled each link as a
   * root of its own with the whole path inlined below it (issue 12).
   */
  private final class EventCall implements Runnable {
    private final String event;
    private final EventTable.Entry entry;
    private final List<JsonNode> args;
    private final Ack ack;

    EventCall(String event, EventTable.Entry entry, List<JsonNode> args, Ack ack) {
      this.event = event;
      this.entry = entry;
      this.args = args;
      this.ack = ack;
    }

    @Override
    public void run() {
      try {
        invoker.invoke(entry.listener, entry.signature, args, ack);
      } catch (BindingException ex) {
        log.warn(
            "{}: event '{}' not delivered to a listener: {}", ownerName(), event, ex.getMessage());
      } catch (Exception | LinkageError | AssertionError e) {
        listenerThrew(e);
      }
    }
  }

  /**
   * Calls the event's listeners with Java values as they are (the client's reserved events such as
   * {@code connect} or {@code reconnect_attempt}); raw listeners are skipped.
   */
  public void emitReserved(String event, Object... values) {
    Object found = take(event);
    for (int i = 0, n = EventTable.count(found); i < n; i++) {
      EventTable.Entry e = EventTable.at(found, i);
      run(() -> callWithValues(e.listener, values));
    }
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
    AnyListener[] outgoing = anyOutgoing;
    if (outgoing.length == 0) return;
    List<Object> copy = Collections.unmodifiableList(new ArrayList<>(values));
    for (AnyListener l : outgoing) run(() -> l.call(event, copy));
  }

  /** Runs user code through the runner; whatever it throws is logged, never propagated. */
  public void run(Runnable userCode) {
    runner.execute(
        () -> {
          try {
            userCode.run();
          } catch (Exception | LinkageError | AssertionError e) {
            listenerThrew(e);
          }
        });
  }

  /** What a listener threw is logged; the connection goes on. */
  private void listenerThrew(Throwable e) {
    log.error("{}: a listener threw; the connection goes on", ownerName(), e);
  }

  /**
   * The registrations to call, as {@link EventTable#find} gives them, the {@code once} ones removed
   * (and claimed) first.
   */
  private Object take(String event) {
    Object found = byEvent.find(event);
    int n = EventTable.count(found);
    boolean anyOnce = false;
    for (int i = 0; i < n; i++) anyOnce |= EventTable.at(found, i).once();
    // an immutable snapshot: no copy needed when none is removed here
    if (!anyOnce) return found;
    List<EventTable.Entry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EventTable.Entry e = EventTable.at(found, i);
      if (e.once()) {
        if (!e.claim()) continue;
        synchronized (this) {
          EventTable.Entry[] now = byEvent.get(event);
          if (now != null) byEvent = byEvent.with(event, EventTable.without(now, e));
        }
      }
      out.add(e);
    }
    return out.toArray(EventTable.NONE);
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
