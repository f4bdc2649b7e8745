package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.AnyListener;
import io.sio4j.protocol.event.BindingException;
import io.sio4j.protocol.event.Listener0;
import io.sio4j.protocol.event.Listener1;
import io.sio4j.protocol.event.Listener2;
import io.sio4j.protocol.event.Listener3;
import io.sio4j.protocol.event.Listener4;
import io.sio4j.protocol.event.RawListener;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.adapter.BroadcastFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The listener half of {@link Socket}: {@code on}, {@code once}, {@code off}, the catch-all
 * listeners and the error listeners. Listeners bind the received arguments to the parameter types
 * of the lambda (see {@code io.sio4j.protocol.event}).
 *
 * <pre>{@code
 * socket.on("move", (Point p) -> board.move(socket.id(), p));
 * socket.once("ready", () -> socket.emit("start"));
 * socket.onAny((event, args) -> log.debug("got {} {}", event, args));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public abstract sealed class SocketListeners permits Socket {
  private final EventRegistry registry = new EventRegistry();
  private final List<Consumer<Throwable>> errorListeners = new CopyOnWriteArrayList<>();

  SocketListeners() {}

  abstract Socket self();

  EventRegistry registry() {
    return registry;
  }

  /** Registers a raw handler (internal form of every listener). */
  Socket onRaw(String event, Object listener, EventHandler handler, boolean once) {
    registry.add(event, listener, handler, once);
    return self();
  }

  /** Listens to an event without arguments (or ignoring them). */
  public Socket on(String event, Listener0 listener) {
    return add(event, listener, false);
  }

  /** Listens to an event; the first argument is bound to the lambda's declared type. */
  public <A> Socket on(String event, Listener1<A> listener) {
    return add(event, listener, false);
  }

  /** Listens to an event with two arguments (the last may be the {@link Ack}). */
  public <A, B> Socket on(String event, Listener2<A, B> listener) {
    return add(event, listener, false);
  }

  /** Listens to an event with three arguments (the last may be the {@link Ack}). */
  public <A, B, C> Socket on(String event, Listener3<A, B, C> listener) {
    return add(event, listener, false);
  }

  /** Listens to an event with four arguments (the last may be the {@link Ack}). */
  public <A, B, C, D> Socket on(String event, Listener4<A, B, C, D> listener) {
    return add(event, listener, false);
  }

  /**
   * Listens to an event with its arguments as Jackson trees. (A separate name, not an {@code on}
   * overload, so that an untyped two-parameter lambda {@code (a, b) -> ...} still means {@link
   * Listener2}; the client has the same method.)
   */
  public Socket onRaw(String event, RawListener listener) {
    return add(event, listener, false);
  }

  /** Listens to the next occurrence of an event only. */
  public Socket once(String event, Listener0 listener) {
    return add(event, listener, true);
  }

  /** Listens to the next occurrence of an event only. */
  public <A> Socket once(String event, Listener1<A> listener) {
    return add(event, listener, true);
  }

  /** Listens to the next occurrence of an event only. */
  public <A, B> Socket once(String event, Listener2<A, B> listener) {
    return add(event, listener, true);
  }

  /** Listens to the next occurrence of an event only. */
  public <A, B, C> Socket once(String event, Listener3<A, B, C> listener) {
    return add(event, listener, true);
  }

  /** Listens to the next occurrence of an event only. */
  public <A, B, C, D> Socket once(String event, Listener4<A, B, C, D> listener) {
    return add(event, listener, true);
  }

  /** Listens to the next occurrence of an event only, with its arguments as Jackson trees. */
  public Socket onceRaw(String event, RawListener listener) {
    return add(event, listener, true);
  }

  private Socket add(String event, Object listener, boolean once) {
    if (event == null) throw new IllegalArgumentException("event name is null");
    return onRaw(
        event,
        listener,
        (args, ack) -> {
          List<JsonNode> values = new ArrayList<>(args.size());
          args.forEach(values::add);
          Ack callback = ack == null ? null : ack::accept;
          try {
            self().server().invoker().invoke(listener, values, callback);
          } catch (BindingException e) {
            Socket.LOG.debug(
                "socket {}: event {} dropped, arguments do not bind: {}",
                self().id(),
                event,
                e.getMessage());
          }
        },
        once);
  }

  /** Removes a listener added with {@code on} or {@code once}. */
  public Socket off(String event, Object listener) {
    registry.remove(event, listener);
    return self();
  }

  /** Removes every listener of an event. */
  public Socket off(String event) {
    registry.removeAll(event);
    return self();
  }

  /** Removes every listener of every event ({@code removeAllListeners()}). */
  public Socket removeAllListeners() {
    registry.removeAll(null);
    return self();
  }

  /** Whether some listener is registered for an event. */
  public boolean hasListeners(String event) {
    return registry.has(event);
  }

  /** Adds a catch-all listener for incoming events, called before the event's own listeners. */
  public Socket onAny(AnyListener listener) {
    registry.any().add(listener);
    return self();
  }

  /** Adds a catch-all listener at the front of the list. */
  public Socket prependAny(AnyListener listener) {
    registry.any().add(0, listener);
    return self();
  }

  /** Removes a catch-all listener. */
  public Socket offAny(AnyListener listener) {
    registry.any().remove(listener);
    return self();
  }

  /** Removes every catch-all listener. */
  public Socket offAny() {
    registry.any().clear();
    return self();
  }

  /** Adds a catch-all listener for outgoing events (broadcasts included). */
  public Socket onAnyOutgoing(AnyListener listener) {
    registry.anyOutgoing().add(listener);
    return self();
  }

  /** Adds an outgoing catch-all listener at the front of the list. */
  public Socket prependAnyOutgoing(AnyListener listener) {
    registry.anyOutgoing().add(0, listener);
    return self();
  }

  /** Removes an outgoing catch-all listener. */
  public Socket offAnyOutgoing(AnyListener listener) {
    registry.anyOutgoing().remove(listener);
    return self();
  }

  /** Removes every outgoing catch-all listener. */
  public Socket offAnyOutgoing() {
    registry.anyOutgoing().clear();
    return self();
  }

  /**
   * Listens to errors raised on the server side for this socket: a {@link EventMiddleware} that
   * failed (the Java form of {@code socket.on("error", ...)} for such errors; an event named {@code
   * "error"} sent by the client is ordinary data for {@code on("error", ...)} listeners).
   */
  public Socket onError(Consumer<Throwable> listener) {
    errorListeners.add(listener);
    return self();
  }

  void fireError(Throwable error) {
    if (errorListeners.isEmpty()) {
      Socket.LOG.debug("socket {}: unhandled error: {}", self().id(), error.toString());
    }
    for (Consumer<Throwable> l : errorListeners) safely(() -> l.accept(error));
  }

  /** An EVENT from the client: catch-alls, then the socket middlewares, then the listeners. */
  void onEvent(SocketPacket packet) {
    Socket socket = self();
    Namespace nsp = socket.nsp();
    ArrayNode data = (ArrayNode) packet.data();
    String name = data.get(0).asText();
    ArrayNode args = JsonNodeFactory.instance.arrayNode(data.size() - 1);
    for (int i = 1; i < data.size(); i++) args.add(data.get(i));
    Consumer<Object[]> ack = packet.hasAckId() ? ackSender(packet.ackId()) : null;
    SocketEvent event = new SocketEvent(name, args, ack != null, nsp.server().mapper());
    nsp.server()
        .dispatch(
            socket,
            () -> {
              if (!registry.any().isEmpty()) {
                List<JsonNode> values = new ArrayList<>(args.size());
                args.forEach(values::add);
                Ack anyAck = ack == null ? null : ack::accept;
                for (AnyListener l : registry.any()) {
                  safely(() -> nsp.server().invoker().invokeAny(l, name, values, anyAck));
                }
              }
              MiddlewareChain.run(
                  socket.middlewares(),
                  (m, next) -> m.handle(event, next),
                  err -> {
                    if (err != null) {
                      fireError(err);
                    } else {
                      afterThisRead(
                          socket,
                          () -> {
                            // dropped, like the official server, when a DISCONNECT came with it
                            if (socket.connected()) invokeListeners(name, args, ack);
                          });
                    }
                  });
            });
  }

  /**
   * Runs the listeners once the rest of the current read has been handled, as the official server's
   * {@code process.nextTick} in {@code dispatch}: a namespace DISCONNECT that arrived with the
   * event is seen first. With a listener executor they already run later, on the executor.
   */
  private static void afterThisRead(Socket socket, Runnable task) {
    if (socket.nsp().server().options().listenerExecutor() != null) task.run();
    else socket.client().execute(task);
  }

  /** Sends the acknowledgement for {@code ackId}, at most once. */
  private Consumer<Object[]> ackSender(long ackId) {
    Namespace nsp = self().nsp();
    AtomicBoolean sent = new AtomicBoolean();
    return args -> {
      if (!sent.compareAndSet(false, true)) return;
      self()
          .client()
          .write(
              nsp.frames(
                  nsp.server().parser().encoder().encodeAck(nsp.name(), ackId, args),
                  BroadcastFlags.DEFAULT));
    };
  }

  void invokeListeners(String event, ArrayNode args, Consumer<Object[]> ack) {
    for (EventRegistry.Registration r : registry.take(event)) {
      safely(() -> r.handler().handle(args, ack));
    }
  }

  boolean hasOutgoingListeners() {
    return !registry.anyOutgoing().isEmpty();
  }

  void notifyOutgoing(SocketPacket packet) {
    List<AnyListener> listeners = registry.anyOutgoing();
    if (listeners.isEmpty() || !packet.type().isEvent()) return;
    ArrayNode data = (ArrayNode) packet.data();
    List<JsonNode> args = new ArrayList<>(data.size() - 1);
    for (int i = 1; i < data.size(); i++) args.add(data.get(i));
    String name = data.get(0).asText();
    for (AnyListener l : listeners) {
      safely(() -> self().server().invoker().invokeAny(l, name, args, null));
    }
  }

  /** Runs user code; an exception is logged and never reaches the connection. */
  void safely(ThrowingRunnable r) {
    try {
      r.run();
    } catch (Exception | LinkageError | AssertionError e) {
      Socket.LOG.error("socket {}: listener failed", self().id(), e);
    }
  }

  /** User code that may throw. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
