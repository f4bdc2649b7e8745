package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.event.SocketEventEmitter;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.adapter.BroadcastFlags;
import io.sio4j.server.adapter.RestoredSession;
import io.sio4j.server.adapter.SessionToPersist;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connected to one namespace (the official server's {@code socket}). Receives events
 * with {@code on(...)} (the shared emitter, see {@link SocketEventEmitter}: the same methods as the
 * client's socket), sends them with {@link #emit}, joins rooms, broadcasts to others.
 *
 * <pre>{@code
 * io.on("connection", socket -> {
 *   socket.join("room1");
 *   socket.on("chat", (String msg) -> socket.to("room1").emit("chat", msg));
 *   socket.on("question", (String q, Ack ack) -> ack.send("answer to " + q));
 *   socket.on("order", Order.class, order -> orders.add(order));
 *   socket.on("disconnect", (String reason) -> log.info("{} left: {}", socket.id(), reason));
 * });
 * }</pre>
 *
 * <p>Threading: thread-safe. Incoming events and lifecycle events run on the connection's event
 * loop (or, when the server has a listener executor, on it, one at a time per socket); every method
 * may be called from any thread.
 */
public final class Socket implements SocketEventEmitter<Socket> {
  static final Logger LOG = LoggerFactory.getLogger("io.sio4j.server");

  /** Event names that are part of the socket's lifecycle and cannot be sent. */
  static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  private static final java.lang.invoke.VarHandle CLOSED;

  static {
    try {
      CLOSED =
          java.lang.invoke.MethodHandles.lookup()
              .findVarHandle(Socket.class, "closed", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Namespace nsp;
  private final Client client;
  private final ListenerRegistry listeners;
  private final String id;
  // the handshake is built on demand from the auth and the connection's request (most servers
  // never read it: a record and an address string less per socket, issue 12)
  private final JsonNode auth;
  private final boolean recovered;
  // created on first use (most sockets never use them: 10,000 idle sockets, docs/PERFORMANCE.md)
  private volatile Map<String, Object> data;
  private volatile Map<Long, PendingAck> acks;
  private volatile SocketExtras extras; // middlewares, error listeners, rooms while disconnecting
  private volatile boolean closed;
  private volatile boolean connected;

  /** An acknowledgement awaited from the client. */
  record PendingAck(Consumer<ArrayNode> onAck, Runnable onDisconnect, long sentAt) {
    PendingAck(Consumer<ArrayNode> onAck, Runnable onDisconnect) {
      this(onAck, onDisconnect, System.nanoTime());
    }
  }

  Socket(Namespace nsp, Client client, JsonNode auth, RestoredSession previous) {
    this.nsp = nsp;
    this.client = client;
    this.auth = auth;
    if (previous != null) {
      this.id = previous.session().sid();
      extras().pid = previous.session().pid();
      this.recovered = true;
      Map<String, Object> restored = previous.session().data();
      if (!restored.isEmpty()) this.data = new ConcurrentHashMap<>(restored);
    } else if (client.legacy()) {
      // protocol v4 clients: the official ids, from the Engine.IO id; no state recovery for them
      String eid = client.id();
      this.id = nsp.name().equals("/") ? eid : nsp.name() + "#" + eid;
      this.recovered = false;
    } else {
      this.id = Ids.newId();
      if (nsp.server().options().connectionStateRecovery() != null) extras().pid = Ids.newId();
      this.recovered = false;
    }
    // the socket names itself in the registry's log lines (toString): no supplier per socket
    this.listeners = new ListenerRegistry(nsp.server().invoker(), Runnable::run, LOG, this);
  }

  /**
   * The registry behind {@code on}, {@code once}, {@code off}... (see {@link SocketEventEmitter}).
   */
  @Override
  public ListenerRegistry listenerRegistry() {
    return listeners;
  }

  /**
   * Listens to errors raised on the server side for this socket: a {@link EventMiddleware} that
   * failed (the Java form of {@code socket.on("error", ...)} for such errors; an event named {@code
   * "error"} sent by the client is ordinary data for {@code on("error", ...)} listeners).
   */
  public Socket onError(Consumer<Throwable> listener) {
    java.util.Objects.requireNonNull(listener, "listener");
    extras().addErrorListener(listener);
    return this;
  }

  /** The {@link #onError} listeners (empty when none). */
  List<Consumer<Throwable>> errorListeners() {
    SocketExtras x = extras;
    return x == null ? List.of() : x.errorListeners();
  }

  private SocketExtras extras() {
    SocketExtras x = extras;
    if (x != null) return x;
    synchronized (this) {
      if (extras == null) extras = new SocketExtras();
      return extras;
    }
  }

  /** {@code socket <id>}, as log lines name it. */
  @Override
  public String toString() {
    return "socket " + id;
  }

  /** The socket id, public (unlike the Engine.IO session id); also the name of its own room. */
  public String id() {
    return id;
  }

  /** The namespace this socket belongs to. */
  public Namespace nsp() {
    return nsp;
  }

  /** The server. */
  public SocketIoServer server() {
    return nsp.server();
  }

  /**
   * What the client sent when connecting. A new (equal) record on each call, built from the
   * connection's request and the CONNECT packet's auth.
   */
  public Handshake handshake() {
    return client.handshake(auth);
  }

  /**
   * Free-form data attached to this socket, shared with {@code fetchSockets()} and kept across a
   * connection state recovery. Thread-safe; values must not be null.
   */
  public Map<String, Object> data() {
    Map<String, Object> d = data;
    if (d != null) return d;
    synchronized (this) {
      if (data == null) data = new ConcurrentHashMap<>();
      return data;
    }
  }

  /** The data, without creating the map when nothing was ever stored: empty then. */
  Map<String, Object> dataOrEmpty() {
    Map<String, Object> d = data;
    return d == null ? Map.of() : d;
  }

  /** Whether the socket is connected. */
  public boolean connected() {
    return connected;
  }

  /** Whether the socket is disconnected. */
  public boolean disconnected() {
    return !connected;
  }

  /** Whether this socket was restored by connection state recovery. */
  public boolean recovered() {
    return recovered;
  }

  /**
   * The Engine.IO connection under this socket (the official {@code socket.conn}), shared by the
   * client's sockets of every namespace: its id (not this socket's), transport, {@code readyState}
   * and events ({@code upgrading}, {@code upgrade}, {@code packet}, {@code packetCreate}, {@code
   * drain}, {@code heartbeat}, {@code close}).
   *
   * <pre>{@code
   * io.on("connection", socket -> {
   *   log.info("on {}", socket.conn().transport());                 // polling
   *   socket.conn().once("upgrade", (String t) -> log.info("now on {}", t)); // websocket
   * });
   * }</pre>
   */
  public EngineSocket conn() {
    return client.conn();
  }

  /**
   * The HTTP request that opened the connection (the official {@code socket.request}): headers,
   * {@link HandshakeRequest#cookies() cookies}, remote address, URL and query; on the Jakarta host
   * also the servlet request's {@link HandshakeRequest#principal() principal} and {@link
   * HandshakeRequest#session() HttpSession} if any (both empty on the Netty host).
   */
  public HandshakeRequest request() {
    return client.conn().request();
  }

  /**
   * The id of the connection this socket rides on (the Engine.IO session id, the official {@code
   * socket.client.id}); the sockets of one connection share it. Keep it private: it identifies a
   * polling session.
   */
  public String clientId() {
    return client.id();
  }

  /** The name of the current transport, {@code polling} or {@code websocket}. */
  public String transport() {
    return client.transport();
  }

  /**
   * The rooms this socket is in (its own id included): a read-only live view that follows joins and
   * leaves, not a copy (a copy per call made loops over sockets and rooms quadratic). Copy it to
   * keep a snapshot: {@code Set.copyOf(socket.rooms())}. In {@code disconnecting} listeners it is
   * the rooms the socket was in.
   */
  public Set<String> rooms() {
    SocketExtras x = extras;
    Set<String> leaving = x == null ? null : x.roomsWhileDisconnecting;
    return leaving != null ? leaving : new RoomsView();
  }

  /** The adapter's current set for this socket, looked up on every call (it may be replaced). */
  private final class RoomsView extends java.util.AbstractSet<String> {
    private Set<String> current() {
      Set<String> rooms = nsp.adapter().socketRooms(id);
      return rooms == null ? Set.of() : rooms;
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Collections.unmodifiableSet(current()).iterator();
    }

    @Override
    public int size() {
      return current().size();
    }

    @Override
    public boolean contains(Object room) {
      return current().contains(room);
    }
  }

  /** Joins one or more rooms. */
  public Socket join(String... rooms) {
    return join(Arrays.asList(rooms));
  }

  /** Joins rooms. */
  public Socket join(Collection<String> rooms) {
    Set<String> adding = new LinkedHashSet<>(rooms);
    int max = nsp.server().options().maxRoomsPerSocket();
    Set<String> current = rooms();
    int after = current.size();
    for (String r : adding) if (!current.contains(r)) after++;
    if (after > max) {
      throw new IllegalStateException(
          "socket "
              + id
              + " would be in "
              + after
              + " rooms, over maxRoomsPerSocket ("
              + max
              + ")");
    }
    nsp.adapter().addAll(id, adding);
    return this;
  }

  /** Leaves a room. */
  public Socket leave(String room) {
    nsp.adapter().del(id, room);
    return this;
  }

  /** Adds a middleware run for every incoming event ({@code socket.use}). */
  public Socket use(EventMiddleware middleware) {
    extras().addMiddleware(middleware);
    return this;
  }

  // ---- sending ----

  /** Sends an event to this client. */
  public Socket emit(String event, Object... args) {
    emitter().emit(event, args);
    return this;
  }

  /** Sends a {@code message} event ({@code socket.send}). */
  public Socket send(Object... args) {
    return emit("message", args);
  }

  /**
   * Sends an event that asks for an acknowledgement. Without a {@link #timeout(Duration)} the
   * future waits until the client answers or disconnects (then it fails with {@link
   * io.sio4j.protocol.event.SocketDisconnectedException}).
   */
  public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
    return emitter().emitWithAck(event, args);
  }

  /** An emitter whose acknowledgements time out ({@code socket.timeout(ms).emit(...)}). */
  public SocketEmitter timeout(Duration timeout) {
    return emitter().timeout(timeout);
  }

  /** An emitter whose packets may be dropped when the client is not ready ({@code volatile}). */
  public SocketEmitter asVolatile() {
    return emitter().asVolatile();
  }

  /** An emitter with compression on or off. */
  public SocketEmitter compress(boolean compress) {
    return emitter().compress(compress);
  }

  private SocketEmitter emitter() {
    return new SocketEmitter(this, BroadcastFlags.DEFAULT);
  }

  // ---- broadcasting from this socket (the sender excluded) ----

  /** Broadcasts to a room, this socket excluded. */
  public BroadcastOperator to(String... rooms) {
    return broadcast().to(rooms);
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Broadcasts to everyone but the sockets in these rooms, this socket excluded. */
  public BroadcastOperator except(String... rooms) {
    return broadcast().except(rooms);
  }

  /** Broadcasts to every other socket of the namespace ({@code socket.broadcast}). */
  public BroadcastOperator broadcast() {
    return new BroadcastOperator(nsp, Set.of(), Set.of(id), BroadcastFlags.DEFAULT);
  }

  // ---- disconnecting ----

  /** Disconnects from this namespace; the connection stays open for other namespaces. */
  public Socket disconnect() {
    return disconnect(false);
  }

  /** Disconnects; with {@code close} the whole connection is closed (all its namespaces). */
  public Socket disconnect(boolean close) {
    client.execute(
        () -> {
          if (!connected) return;
          if (close) {
            client.disconnectAll();
          } else {
            client.sendPacket(SocketPacket.disconnect(nsp.name()), BroadcastFlags.DEFAULT);
            onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT, null);
          }
        });
    return this;
  }

  // ---- internals, used by Client, Namespace and the adapter ----

  /** Runs listener code on the executor, after what was queued before for this socket. */
  synchronized void enqueue(Runnable task, java.util.concurrent.Executor executor) {
    SocketExtras x = extras();
    CompletableFuture<Void> next =
        x.dispatchTail == null
            ? CompletableFuture.runAsync(task, executor)
            : x.dispatchTail.thenRunAsync(task, executor);
    x.dispatchTail = next.exceptionally(e -> null);
  }

  /** The private session id (connection state recovery only), else null. */
  String pid() {
    SocketExtras x = extras;
    return x == null ? null : x.pid;
  }

  Client client() {
    return client;
  }

  /** Runs user code; what it throws is logged and never reaches the connection. */
  void safely(Runnable userCode) {
    listeners.run(userCode);
  }

  boolean hasOutgoingListeners() {
    return listeners.hasAnyOutgoing();
  }

  List<EventMiddleware> middlewares() {
    SocketExtras x = extras;
    return x == null ? List.of() : x.middlewares();
  }

  /** Writes an encoded packet, after telling the outgoing catch-all listeners. */
  void writePacket(SocketPacket packet, OutboundMessage[] frames) {
    SocketInbound.notifyOutgoing(this, packet);
    client.write(frames);
  }

  boolean registerAck(long ackId, Consumer<ArrayNode> onAck) {
    return registerAck(ackId, new PendingAck(onAck, () -> {}));
  }

  /**
   * Awaits an acknowledgement; false (nothing registered) when the client already owes {@link
   * ServerOptions#maxPendingAcks()} of them: the caller does not send the packet.
   */
  boolean registerAck(long ackId, PendingAck ack) {
    Map<Long, PendingAck> acks = this.acks;
    if (acks == null) {
      synchronized (this) {
        if (this.acks == null) this.acks = new ConcurrentHashMap<>();
        acks = this.acks;
      }
    }
    if (acks.size() >= nsp.server().options().maxPendingAcks()) {
      LOG.debug("socket {}: {} acknowledgements pending, refusing another", id, acks.size());
      return false;
    }
    acks.put(ackId, ack);
    return true;
  }

  /** The connection's timers, for acknowledgement timeouts (tasks run on its event loop). */
  io.sio4j.protocol.time.Scheduler timers() {
    return client.timers();
  }

  void removeAck(long ackId) {
    Map<Long, PendingAck> acks = this.acks;
    if (acks != null) acks.remove(ackId);
  }

  /** Sends the missed packets of a recovered session, then the CONNECT reply; on the loop. */
  void onConnect(List<ArrayNode> missedPackets) {
    connected = true;
    // its own room, always allowed (a recovered socket is in it already): no maxRoomsPerSocket
    // check
    nsp.adapter().addAll(id, Set.of(id));
    for (ArrayNode missed : missedPackets) {
      client.sendPacket(
          new SocketPacket(
              io.sio4j.protocol.socketio.SocketPacketType.EVENT, nsp.name(), -1, missed),
          BroadcastFlags.DEFAULT);
    }
    // protocol v4 (Engine.IO v3 clients): the CONNECT reply has no payload
    io.sio4j.protocol.socketio.PacketEncoder encoder = nsp.server().parser().encoder();
    client.write(
        nsp.frames(
            client.legacy()
                ? encoder.encode(SocketPacket.connect(nsp.name(), null))
                : encoder.encodeConnect(nsp.name(), id, pid()),
            BroadcastFlags.DEFAULT));
    nsp.server().instruments().socketConnected(this);
  }

  /** A packet for this namespace; on the connection's event loop. */
  void onPacket(SocketPacket packet) {
    switch (packet.type()) {
      case EVENT, BINARY_EVENT -> SocketInbound.onEvent(this, packet);
      case ACK, BINARY_ACK -> onAck(packet);
      case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT, null);
      default -> LOG.debug("socket {}: unexpected packet type {}", id, packet.type());
    }
  }

  private void onAck(SocketPacket packet) {
    Map<Long, PendingAck> acks = this.acks;
    PendingAck ack = acks == null ? null : acks.remove(packet.ackId());
    if (ack == null) {
      LOG.debug("socket {}: ack {} matches nothing, ignored", id, packet.ackId());
      return;
    }
    ArrayNode args = (ArrayNode) packet.data();
    nsp.server().instruments().ackReceived(nsp.name(), System.nanoTime() - ack.sentAt());
    nsp.server().dispatch(this, () -> listeners.run(() -> ack.onAck().accept(args)));
  }

  /** Leaves the namespace; runs {@code disconnecting} then {@code disconnect}. Idempotent. */
  void onClose(String reason, String description) {
    if (!CLOSED.compareAndSet(this, false, true)) return;
    if (connected) {
      fireLifecycle("disconnecting", reason, description);
      String pid = pid();
      if (pid != null && DisconnectReason.RECOVERABLE.contains(reason)) {
        nsp.adapter().persistSession(new SessionToPersist(id, pid, rooms(), dataOrEmpty()));
      }
    }
    cleanup();
    client.remove(this);
    boolean wasConnected = connected;
    connected = false;
    Map<Long, PendingAck> acks = this.acks;
    if (acks != null) {
      for (PendingAck ack : acks.values()) listeners.run(ack.onDisconnect());
      acks.clear();
    }
    if (wasConnected) {
      nsp.server().instruments().socketDisconnected(this, reason);
      fireLifecycle("disconnect", reason, description);
    }
  }

  /** Forgets this socket without events (a refused connection, or after a close). */
  void cleanup() {
    nsp.adapter().delAll(id);
    nsp.remove(this);
  }

  private void fireLifecycle(String event, String reason, String description) {
    List<JsonNode> args =
        description == null
            ? List.of(TextNode.valueOf(reason))
            : List.of(TextNode.valueOf(reason), TextNode.valueOf(description));
    if (!event.equals("disconnecting")) {
      nsp.server().dispatch(this, () -> listeners.emitEvent(event, args, null));
      return;
    }
    // before the cleanup empties the live view (Set.copyOf would copy through a HashSet)
    Set<String> rooms = Set.of(rooms().toArray(new String[0]));
    SocketExtras x = extras();
    nsp.server()
        .dispatch(
            this,
            () -> {
              x.roomsWhileDisconnecting = rooms;
              try {
                listeners.emitEvent(event, args, null);
              } finally {
                x.roomsWhileDisconnecting = null;
              }
            });
  }
}
