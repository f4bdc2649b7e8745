package io.sio4j.client;

import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.AnyListener;
import io.sio4j.protocol.event.Listener0;
import io.sio4j.protocol.event.Listener1;
import io.sio4j.protocol.event.Listener2;
import io.sio4j.protocol.event.Listener3;
import io.sio4j.protocol.event.Listener4;
import io.sio4j.protocol.event.RawListener;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.SocketPacket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A namespace connection, as the JavaScript client's {@code Socket}: {@code on/once/off}, {@code
 * emit/send/emitWithAck}, catch-all listeners, acks with timeouts, retries and volatile emits, and
 * connection state recovery. Reserved events: {@code connect}, {@code connect_error} ({@link
 * ConnectError}), {@code disconnect} (reason, cause). Server events bind their arguments to the
 * listener's declared parameter types (Jackson); a trailing {@link Ack} parameter answers the
 * server's acknowledgement request.
 *
 * <pre>{@code
 * Socket socket = IO.socket("http://localhost:3000/chat");
 * socket.on("connect", () -> System.out.println("connected as " + socket.id()));
 * socket.on("message", (Message m, Ack ack) -> ack.send("got it"));
 * socket.emit("hello", "world", Map.of("n", 1), new byte[] {1, 2});
 * socket.timeout(Duration.ofSeconds(5)).emitWithAck("question").thenAccept(r -> ...);
 * socket.close();
 * }</pre>
 *
 * <p>Threading: every method is thread-safe. Emits made while disconnected are buffered and sent on
 * connection (volatile ones are dropped). Listeners run on the Manager's thread, one at a time and
 * in the order events arrived, unless {@link ClientOptions#listenerExecutor()} is set.
 */
public final class Socket {
  static final Set<String> RESERVED =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  private final Manager io;
  private final String nsp;
  private final ClientOptions opts;
  private final Listeners listeners;
  private final AtomicLong ids = new AtomicLong();
  final SocketSession session;
  private volatile String id;
  private volatile boolean connected;
  private volatile boolean recovered;
  private volatile boolean active;

  /** A packet waiting for the connection. */
  record Outgoing(String event, List<Object> args, long ackId, EncodedPacket packet) {}

  Socket(Manager io, String nsp, ClientOptions opts) {
    this.io = io;
    this.nsp = nsp;
    this.opts = opts;
    this.listeners = new Listeners(io);
    this.session = new SocketSession(this, io, opts, listeners);
  }

  // ---- state

  /** The socket id the server assigned, or null when not connected. */
  public String id() {
    return id;
  }

  /** Whether the socket is connected to its namespace. */
  public boolean connected() {
    return connected;
  }

  /** Whether the socket is not connected. */
  public boolean disconnected() {
    return !connected;
  }

  /** Whether the socket is connected or trying to (it reconnects with its Manager). */
  public boolean active() {
    return active;
  }

  /** Whether the last connection restored the previous session (connection state recovery). */
  public boolean recovered() {
    return recovered;
  }

  /** The namespace. */
  public String nsp() {
    return nsp;
  }

  /** The Manager (the connection) this socket uses. */
  public Manager io() {
    return io;
  }

  // ---- lifecycle

  /** Connects to the namespace (opening the Manager's connection when needed). */
  public Socket connect() {
    io.execute(
        () -> {
          if (connected) return;
          active = true;
          io.subscribe(this);
        });
    return this;
  }

  /** Same as {@link #connect()}. */
  public Socket open() {
    return connect();
  }

  /**
   * Leaves the namespace ({@code "io client disconnect"}); when no socket of the Manager is active
   * any more the connection closes and the Manager's thread ends.
   */
  public Socket disconnect() {
    io.execute(
        () -> {
          boolean was = connected;
          if (was) io.write(io.parser.encoder().encode(SocketPacket.disconnect(nsp)));
          session.destroy();
          if (was) session.onClose("io client disconnect", null);
        });
    return this;
  }

  /** Same as {@link #disconnect()}. */
  public Socket close() {
    return disconnect();
  }

  // ---- listeners

  /** Listens to an event with no arguments (or a reserved event). */
  public Socket on(String event, Listener0 listener) {
    listeners.on(event, listener, false);
    return this;
  }

  /** Listens to an event; the argument binds to {@code A}. */
  public <A> Socket on(String event, Listener1<A> listener) {
    listeners.on(event, listener, false);
    return this;
  }

  /** Listens to an event; the arguments bind to the declared types. */
  public <A, B> Socket on(String event, Listener2<A, B> listener) {
    listeners.on(event, listener, false);
    return this;
  }

  /** Listens to an event; the arguments bind to the declared types. */
  public <A, B, C> Socket on(String event, Listener3<A, B, C> listener) {
    listeners.on(event, listener, false);
    return this;
  }

  /** Listens to an event; the arguments bind to the declared types. */
  public <A, B, C, D> Socket on(String event, Listener4<A, B, C, D> listener) {
    listeners.on(event, listener, false);
    return this;
  }

  /** Listens to an event with its raw JSON arguments. */
  public Socket onRaw(String event, RawListener listener) {
    listeners.on(event, listener, false);
    return this;
  }

  /** Listens once. */
  public Socket once(String event, Listener0 listener) {
    listeners.on(event, listener, true);
    return this;
  }

  /** Listens once. */
  public <A> Socket once(String event, Listener1<A> listener) {
    listeners.on(event, listener, true);
    return this;
  }

  /** Listens once. */
  public <A, B> Socket once(String event, Listener2<A, B> listener) {
    listeners.on(event, listener, true);
    return this;
  }

  /** Listens once. */
  public <A, B, C> Socket once(String event, Listener3<A, B, C> listener) {
    listeners.on(event, listener, true);
    return this;
  }

  /** Removes one listener (the same instance that was added). */
  public Socket off(String event, Object listener) {
    listeners.off(event, listener);
    return this;
  }

  /** Removes every listener of the event. */
  public Socket off(String event) {
    listeners.off(event);
    return this;
  }

  /** Removes every listener of every event. */
  public Socket offAll() {
    listeners.offAll();
    return this;
  }

  /** The listeners of an event. */
  public List<Object> listeners(String event) {
    return listeners.listeners(event);
  }

  /** Adds a catch-all listener for incoming events (arguments as natural Java values). */
  public Socket onAny(AnyListener listener) {
    listeners.any.add(listener);
    return this;
  }

  /** Adds a catch-all listener that runs before the others. */
  public Socket prependAny(AnyListener listener) {
    listeners.any.add(0, listener);
    return this;
  }

  /** Removes a catch-all listener. */
  public Socket offAny(AnyListener listener) {
    listeners.any.remove(listener);
    return this;
  }

  /** Removes every catch-all listener. */
  public Socket offAny() {
    listeners.any.clear();
    return this;
  }

  /** The catch-all listeners. */
  public List<AnyListener> listenersAny() {
    return List.copyOf(listeners.any);
  }

  /** Adds a catch-all listener for outgoing events (the arguments as given to emit). */
  public Socket onAnyOutgoing(AnyListener listener) {
    listeners.anyOutgoing.add(listener);
    return this;
  }

  /** Adds an outgoing catch-all listener that runs before the others. */
  public Socket prependAnyOutgoing(AnyListener listener) {
    listeners.anyOutgoing.add(0, listener);
    return this;
  }

  /** Removes an outgoing catch-all listener. */
  public Socket offAnyOutgoing(AnyListener listener) {
    listeners.anyOutgoing.remove(listener);
    return this;
  }

  /** Removes every outgoing catch-all listener. */
  public Socket offAnyOutgoing() {
    listeners.anyOutgoing.clear();
    return this;
  }

  /** The outgoing catch-all listeners. */
  public List<AnyListener> listenersAnyOutgoing() {
    return List.copyOf(listeners.anyOutgoing);
  }

  // ---- emitting

  /**
   * Emits an event. Arguments are any Jackson-serialisable values; {@code byte[]} and {@code
   * ByteBuffer} anywhere inside travel as binary attachments. A trailing {@link AckCallback} asks
   * for an acknowledgement.
   *
   * @throws IllegalArgumentException for a reserved event name or arguments Jackson cannot write
   */
  public Socket emit(String event, Object... args) {
    emit(event, args, null, false);
    return this;
  }

  /** Emits a {@code message} event. */
  public Socket send(Object... args) {
    return emit("message", args);
  }

  /** Emits an event and completes with the acknowledgement. */
  public CompletableFuture<AckResponse> emitWithAck(String event, Object... args) {
    return emitWithAck(event, args, null, false);
  }

  /** An emitter whose acks time out after {@code timeout}. */
  public SocketEmitter timeout(Duration timeout) {
    return new SocketEmitter(this, null, false).timeout(timeout);
  }

  /** An emitter whose packets are dropped when they cannot be written at once. */
  public SocketEmitter asVolatile() {
    return new SocketEmitter(this, null, true);
  }

  CompletableFuture<AckResponse> emitWithAck(
      String event, Object[] args, Duration timeout, boolean vol) {
    CompletableFuture<AckResponse> f = new CompletableFuture<>();
    Object[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] =
        (AckCallback)
            (r, e) -> {
              if (e == null) f.complete(r);
              else f.completeExceptionally(e);
            };
    emit(event, all, timeout, vol);
    return f;
  }

  void emit(String event, Object[] args, Duration timeout, boolean vol) {
    if (event == null) throw new NullPointerException("event");
    if (RESERVED.contains(event)) {
      throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
    }
    AckCallback cb = null;
    Object[] values = args;
    if (args.length > 0 && args[args.length - 1] instanceof AckCallback c) {
      cb = c;
      values = Arrays.copyOf(args, args.length - 1);
    }
    if (opts.retries() > 0 && !vol) {
      Object[] v = values;
      AckCallback c = cb;
      io.execute(() -> session.queue.add(event, v, c, timeout));
      return;
    }
    emitNow(event, values, cb, timeout, vol);
  }

  /** Encodes on the caller's thread (so bad arguments throw there), sends on the loop. */
  void emitNow(String event, Object[] values, AckCallback cb, Duration timeout, boolean vol) {
    long ackId = cb == null ? -1 : ids.getAndIncrement();
    EncodedPacket packet = io.parser.encoder().encodeEvent(nsp, ackId, event, values);
    Outgoing out = new Outgoing(event, Arrays.asList(values), ackId, packet);
    Duration t = timeout != null ? timeout : opts.ackTimeout();
    io.execute(() -> session.send(out, cb, t, vol));
  }

  // ---- state changes, from the session on the Manager's thread

  void connectedAs(String sid, boolean wasRecovered) {
    id = sid;
    recovered = wasRecovered;
    connected = true;
  }

  void markDisconnected() {
    connected = false;
    id = null;
  }

  /** Marks the socket inactive; false when it already was. */
  boolean deactivate() {
    if (!active) return false;
    active = false;
    return true;
  }

  void runListener(Runnable call) {
    listeners.run(call);
  }
}
