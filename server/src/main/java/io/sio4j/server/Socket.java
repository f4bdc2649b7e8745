package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.engine.OutboundMessage;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connected to one namespace (the official server's {@code socket}). Receives events
 * with {@code on(...)} (see {@link SocketListeners}), sends them with {@link #emit}, joins rooms,
 * broadcasts to others.
 *
 * <pre>{@code
 * io.on("connection", socket -> {
 *   socket.join("room1");
 *   socket.on("chat", (String msg) -> socket.to("room1").emit("chat", msg));
 *   socket.on("question", (String q, Ack ack) -> ack.send("answer to " + q));
 *   socket.on("disconnect", (String reason) -> log.info("{} left: {}", socket.id(), reason));
 * });
 * }</pre>
 *
 * <p>Threading: thread-safe. Incoming events and lifecycle events run on the connection's event
 * loop (or, when the server has a listener executor, on it, one at a time per socket); every method
 * may be called from any thread.
 */
public final class Socket extends SocketListeners {
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

  private final Namespace nsp;
  private final Client client;
  private final String id;
  private final String pid;
  private final Handshake handshake;
  private final boolean recovered;
  private final Map<String, Object> data = new ConcurrentHashMap<>();
  private final Map<Long, PendingAck> acks = new ConcurrentHashMap<>();
  private final List<EventMiddleware> middlewares = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean connected;
  // the rooms seen by "disconnecting" listeners, which may run after the cleanup on an executor
  private volatile Set<String> roomsWhileDisconnecting;
  private CompletableFuture<Void> dispatchTail = CompletableFuture.completedFuture(null);

  /** An acknowledgement awaited from the client. */
  record PendingAck(Consumer<ArrayNode> onAck, Runnable onDisconnect) {}

  Socket(Namespace nsp, Client client, JsonNode auth, RestoredSession previous) {
    this.nsp = nsp;
    this.client = client;
    this.handshake = client.handshake(auth);
    if (previous != null) {
      this.id = previous.session().sid();
      this.pid = previous.session().pid();
      this.recovered = true;
      this.data.putAll(previous.session().data());
    } else {
      this.id = Ids.newId();
      this.pid = nsp.server().options().connectionStateRecovery() != null ? Ids.newId() : null;
      this.recovered = false;
    }
  }

  @Override
  Socket self() {
    return this;
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

  /** What the client sent when connecting. */
  public Handshake handshake() {
    return handshake;
  }

  /**
   * Free-form data attached to this socket, shared with {@code fetchSockets()} and kept across a
   * connection state recovery. Thread-safe; values must not be null.
   */
  public Map<String, Object> data() {
    return data;
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

  /** The name of the current transport, {@code polling} or {@code websocket}. */
  public String transport() {
    return client.transport();
  }

  /** The rooms this socket is in (its own id included); a snapshot. */
  public Set<String> rooms() {
    Set<String> leaving = roomsWhileDisconnecting;
    if (leaving != null) return leaving;
    Set<String> rooms = nsp.adapter().socketRooms(id);
    return rooms == null ? Set.of() : Set.copyOf(rooms);
  }

  /** Joins one or more rooms. */
  public Socket join(String... rooms) {
    return join(Arrays.asList(rooms));
  }

  /** Joins rooms. */
  public Socket join(Collection<String> rooms) {
    nsp.adapter().addAll(id, new LinkedHashSet<>(rooms));
    return this;
  }

  /** Leaves a room. */
  public Socket leave(String room) {
    nsp.adapter().del(id, room);
    return this;
  }

  /** Adds a middleware run for every incoming event ({@code socket.use}). */
  public Socket use(EventMiddleware middleware) {
    middlewares.add(middleware);
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
   * IllegalStateException} "socket has been disconnected").
   */
  public CompletableFuture<AckResponse> emitWithAck(String event, Object... args) {
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
    dispatchTail = dispatchTail.thenRunAsync(task, executor).exceptionally(e -> null);
  }

  String pid() {
    return pid;
  }

  Client client() {
    return client;
  }

  List<EventMiddleware> middlewares() {
    return middlewares;
  }

  /** Writes an encoded packet, after telling the outgoing catch-all listeners. */
  void writePacket(SocketPacket packet, OutboundMessage[] frames) {
    notifyOutgoing(packet);
    client.write(frames);
  }

  void registerAck(long ackId, Consumer<ArrayNode> onAck) {
    acks.put(ackId, new PendingAck(onAck, () -> {}));
  }

  void registerAck(long ackId, PendingAck ack) {
    acks.put(ackId, ack);
  }

  /** The connection's timers, for acknowledgement timeouts (tasks run on its event loop). */
  io.sio4j.protocol.time.Scheduler timers() {
    return client.timers();
  }

  void removeAck(long ackId) {
    acks.remove(ackId);
  }

  /** Sends the missed packets of a recovered session, then the CONNECT reply; on the loop. */
  void onConnect(List<ArrayNode> missedPackets) {
    connected = true;
    join(id);
    for (ArrayNode missed : missedPackets) {
      client.sendPacket(
          new SocketPacket(
              io.sio4j.protocol.socketio.SocketPacketType.EVENT, nsp.name(), -1, missed),
          BroadcastFlags.DEFAULT);
    }
    ObjectNode reply = JsonNodeFactory.instance.objectNode();
    reply.put("sid", id);
    if (pid != null) reply.put("pid", pid);
    client.sendPacket(SocketPacket.connect(nsp.name(), reply), BroadcastFlags.DEFAULT);
  }

  /** A packet for this namespace; on the connection's event loop. */
  void onPacket(SocketPacket packet) {
    switch (packet.type()) {
      case EVENT, BINARY_EVENT -> onEvent(packet);
      case ACK, BINARY_ACK -> onAck(packet);
      case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT, null);
      default -> LOG.debug("socket {}: unexpected packet type {}", id, packet.type());
    }
  }

  private void onAck(SocketPacket packet) {
    PendingAck ack = acks.remove(packet.ackId());
    if (ack == null) {
      LOG.debug("socket {}: ack {} matches nothing, ignored", id, packet.ackId());
      return;
    }
    ArrayNode args = (ArrayNode) packet.data();
    nsp.server().dispatch(this, () -> safely(() -> ack.onAck().accept(args)));
  }

  /** Leaves the namespace; runs {@code disconnecting} then {@code disconnect}. Idempotent. */
  void onClose(String reason, String description) {
    if (!closed.compareAndSet(false, true)) return;
    if (connected) {
      fireLifecycle("disconnecting", reason, description);
      if (pid != null && DisconnectReason.RECOVERABLE.contains(reason)) {
        nsp.adapter().persistSession(new SessionToPersist(id, pid, rooms(), data));
      }
    }
    cleanup();
    client.remove(this);
    boolean wasConnected = connected;
    connected = false;
    for (PendingAck ack : acks.values()) safely(ack.onDisconnect()::run);
    acks.clear();
    if (wasConnected) fireLifecycle("disconnect", reason, description);
  }

  /** Forgets this socket without events (a refused connection, or after a close). */
  void cleanup() {
    nsp.adapter().delAll(id);
    nsp.remove(this);
  }

  private void fireLifecycle(String event, String reason, String description) {
    ArrayNode args = JsonNodeFactory.instance.arrayNode(2);
    args.add(reason);
    if (description != null) args.add(description);
    if (!event.equals("disconnecting")) {
      nsp.server().dispatch(this, () -> invokeListeners(event, args, null));
      return;
    }
    Set<String> rooms = rooms();
    nsp.server()
        .dispatch(
            this,
            () -> {
              roomsWhileDisconnecting = rooms;
              try {
                invokeListeners(event, args, null);
              } finally {
                roomsWhileDisconnecting = null;
              }
            });
  }
}
