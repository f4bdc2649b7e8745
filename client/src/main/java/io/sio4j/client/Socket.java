package io.sio4j.client;

import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.event.SocketEventEmitter;
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
 * connection state recovery. The listener methods are the shared emitter's ({@link
 * SocketEventEmitter}), the same as on the server's socket. Reserved events: {@code connect},
 * {@code connect_error} ({@link ConnectError}), {@code disconnect} (reason, cause). Server events
 * bind their arguments to the listener's declared parameter types (Jackson); a trailing {@link Ack}
 * parameter answers the server's acknowledgement request.
 *
 * <pre>{@code
 * Socket socket = IO.socket("http://localhost:3000/chat");
 * socket.on("connect", () -> System.out.println("connected as " + socket.id()));
 * socket.on("message", (Message m, Ack ack) -> ack.send("got it"));
 * socket.on("orders", new TypeReference<List<Order>>() {}, orders -> ...);
 * socket.emit("hello", "world", Map.of("n", 1), new byte[] {1, 2});
 * socket.timeout(Duration.ofSeconds(5)).emitWithAck("question").thenAccept(r -> ...);
 * socket.close();
 * }</pre>
 *
 * <p>Threading: every method is thread-safe. Emits made while disconnected are buffered and sent on
 * connection (volatile ones are dropped). Listeners run on the Manager's thread, one at a time and
 * in the order events arrived, unless {@link ClientOptions#listenerExecutor()} is set.
 */
public final class Socket implements SocketEventEmitter<Socket> {
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
  private final ListenerRegistry listeners;
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
    this.listeners = io.newRegistry(() -> "socket " + nsp + " " + id);
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

  // ---- listeners: on, once, off, onAny... come from SocketEventEmitter

  /**
   * The registry behind {@code on}, {@code once}, {@code off}... (see {@link SocketEventEmitter}).
   */
  @Override
  public ListenerRegistry listenerRegistry() {
    return listeners;
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
  public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
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

  CompletableFuture<Arguments> emitWithAck(
      String event, Object[] args, Duration timeout, boolean vol) {
    CompletableFuture<Arguments> f = new CompletableFuture<>();
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
