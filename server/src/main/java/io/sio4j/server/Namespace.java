package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.socketio.SocketPacketType;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.server.adapter.BroadcastFlags;
import io.sio4j.server.adapter.RestoredSession;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A communication channel that splits the application over one shared connection ({@code
 * io.of("/admin")}). Has its own connection listeners, middlewares, rooms (its {@link Adapter}) and
 * sockets.
 *
 * <pre>{@code
 * Namespace admin = io.of("/admin");
 * admin.use((socket, next) -> { if (isAdmin(socket)) next.proceed(); else next.fail(new ConnectError("no")); });
 * admin.on("connection", socket -> socket.emit("hello admin"));
 * admin.to("ops").emit("alert", "disk full");
 * }</pre>
 *
 * <p>Thread-safe. Connection listeners run on the new socket's event loop (or the listener
 * executor).
 */
public class Namespace {
  private final SocketIoServer server;
  private final String name;
  private final ParentNamespace parent;
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final List<Consumer<Socket>> connectionListeners = new CopyOnWriteArrayList<>();
  private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
  private final Map<String, List<ServerSideEmitListener>> serverSideListeners =
      new ConcurrentHashMap<>();
  private final AtomicLong ackIds = new AtomicLong();
  private final Adapter adapter;

  Namespace(SocketIoServer server, String name, ParentNamespace parent) {
    this(server, name, parent, server.options().adapterFactory());
  }

  Namespace(SocketIoServer server, String name, ParentNamespace parent, AdapterFactory adapters) {
    this.server = server;
    this.name = name;
    this.parent = parent;
    this.adapter = adapters.create(this);
    adapter.init();
  }

  /** The namespace name, e.g. {@code "/"} or {@code "/admin"}. */
  public String name() {
    return name;
  }

  /** The server. */
  public SocketIoServer server() {
    return server;
  }

  /** The adapter holding this namespace's rooms. */
  public Adapter adapter() {
    return adapter;
  }

  /** The dynamic namespace that created this one, or {@code null}. */
  public ParentNamespace parent() {
    return parent;
  }

  /** The connected sockets of this node, by id. Read-only view. */
  public Map<String, Socket> sockets() {
    return Collections.unmodifiableMap(sockets);
  }

  /**
   * Listens to {@code "connection"} (or its alias {@code "connect"}): called for every socket that
   * joins the namespace, once the middlewares agreed.
   *
   * @throws IllegalArgumentException for any other event name
   */
  public Namespace on(String event, Consumer<Socket> listener) {
    if (!"connection".equals(event) && !"connect".equals(event)) {
      throw new IllegalArgumentException(
          "a namespace only emits \"connection\" (alias \"connect\"); got \""
              + event
              + "\". Listen to client events on the socket: io.on(\"connection\", socket ->"
              + " socket.on(\""
              + event
              + "\", ...)); new namespaces: io.onNewNamespace(...)");
    }
    connectionListeners.add(listener);
    return this;
  }

  /** Adds a middleware run before each connection ({@code namespace.use}). */
  public Namespace use(Middleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  // ---- broadcasting ----

  /** Targets a room (or several). */
  public BroadcastOperator to(String... rooms) {
    return all().to(rooms);
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Targets everyone but the sockets in these rooms. */
  public BroadcastOperator except(String... rooms) {
    return all().except(rooms);
  }

  /** Targets the sockets of this node only. */
  public BroadcastOperator local() {
    return all().local();
  }

  /** A volatile broadcast. */
  public BroadcastOperator asVolatile() {
    return all().asVolatile();
  }

  /** A broadcast with compression on or off. */
  public BroadcastOperator compress(boolean compress) {
    return all().compress(compress);
  }

  /** A broadcast whose acknowledgements time out. */
  public BroadcastOperator timeout(Duration timeout) {
    return all().timeout(timeout);
  }

  /** Sends an event to every socket of the namespace. */
  public Namespace emit(String event, Object... args) {
    all().emit(event, args);
    return this;
  }

  /** Sends a {@code message} event to every socket. */
  public Namespace send(Object... args) {
    return emit("message", args);
  }

  /** Broadcast with acknowledgements; see {@link BroadcastOperator#emitWithAck}. */
  public CompletableFuture<List<io.sio4j.protocol.event.Arguments>> emitWithAck(
      String event, Object... args) {
    return all().emitWithAck(event, args);
  }

  /** Makes every socket join rooms. */
  public void socketsJoin(String... rooms) {
    all().socketsJoin(rooms);
  }

  /** Makes every socket leave rooms. */
  public void socketsLeave(String... rooms) {
    all().socketsLeave(rooms);
  }

  /** Disconnects every socket. */
  public void disconnectSockets(boolean close) {
    all().disconnectSockets(close);
  }

  /** Views of every socket, on every node. */
  public CompletableFuture<List<RemoteSocket>> fetchSockets() {
    return all().fetchSockets();
  }

  /**
   * Sends an event to the other server nodes of the cluster (none with the in-memory adapter).
   *
   * @throws IllegalArgumentException for a reserved event name
   */
  public void serverSideEmit(String event, Object... args) {
    checkEventName(event);
    adapter.serverSideEmit(event, args, null);
  }

  /** Same, collecting one answer per other node (an empty list on a single node). */
  public CompletableFuture<List<ArrayNode>> serverSideEmitWithAck(String event, Object... args) {
    checkEventName(event);
    CompletableFuture<List<ArrayNode>> result = new CompletableFuture<>();
    adapter.serverSideEmit(
        event,
        args,
        (err, answers) -> {
          if (err != null) result.completeExceptionally(err);
          else result.complete(answers);
        });
    return result;
  }

  /**
   * Listens to an event that another server node sent with {@link #serverSideEmit} (JavaScript:
   * {@code io.on(event, listener)} for a non-reserved name).
   */
  public Namespace onServerSideEmit(String event, ServerSideEmitListener listener) {
    checkEventName(event);
    serverSideListeners
        .computeIfAbsent(event, k -> new CopyOnWriteArrayList<>())
        .add(java.util.Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Runs the listeners of an event received from another node; {@code ack} is null when no answer
   * is asked. A listener that throws is logged and does not stop the others.
   */
  void onServerSideEmit(String event, ArrayNode args, Consumer<Object> ack) {
    for (ServerSideEmitListener l : serverSideListeners.getOrDefault(event, List.of())) {
      try {
        l.onEvent(args, ack);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger("io.sio4j.server")
            .warn("server-side listener of \"{}\" failed", event, e);
      }
    }
  }

  private BroadcastOperator all() {
    return new BroadcastOperator(this, Set.of(), Set.of(), BroadcastFlags.DEFAULT);
  }

  // ---- internals ----

  List<Middleware> middlewares() {
    return middlewares;
  }

  List<Consumer<Socket>> connectionListeners() {
    return connectionListeners;
  }

  Socket localSocket(String id) {
    return sockets.get(id);
  }

  long nextAckId() {
    return ackIds.getAndIncrement();
  }

  boolean recoversSessions() {
    return server.options().connectionStateRecovery() != null;
  }

  static void checkEventName(String event) {
    if (event == null) throw new IllegalArgumentException("event name is null");
    if (Socket.RESERVED_EVENTS.contains(event)) {
      throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
    }
  }

  /** {@code [event, ...args]} as a tree; each argument bound with the server's mapper once. */
  SocketPacket eventPacket(String event, long ackId, Object... args) {
    checkEventName(event);
    ArrayNode data = JsonNodeFactory.instance.arrayNode(args.length + 1);
    data.add(event);
    for (Object arg : args) {
      data.add(arg instanceof JsonNode node ? node : server.binding().toTree(arg));
    }
    return new SocketPacket(SocketPacketType.EVENT, name, ackId, data);
  }

  /** Encodes once; the frames are shared by every recipient. */
  OutboundMessage[] encode(SocketPacket packet, BroadcastFlags flags) {
    return frames(server.parser().encoder().encode(packet), flags);
  }

  OutboundMessage[] frames(EncodedPacket encoded, BroadcastFlags flags) {
    List<EnginePacket> frames = encoded.frames();
    OutboundMessage[] out = new OutboundMessage[frames.size()];
    for (int i = 0; i < out.length; i++) {
      EnginePacket f = frames.get(i);
      OutboundMessage m =
          f.isBinary() ? OutboundMessage.binary(f.binary()) : OutboundMessage.text(f.text());
      if (flags.isVolatile()) m = m.asVolatile();
      if (!flags.compress()) m = m.withCompress(false);
      out[i] = m;
    }
    return out;
  }

  /** A client asks to join: restore its session if it may, run the middlewares, connect. */
  void add(Client client, JsonNode auth) {
    ConnectionStateRecovery csr = server.options().connectionStateRecovery();
    String pid = auth.path("pid").isTextual() ? auth.get("pid").asText() : null;
    String offset = auth.path("offset").isTextual() ? auth.get("offset").asText() : null;
    if (csr != null && pid != null && offset != null && !client.legacy()) {
      adapter
          .restoreSession(pid, offset)
          .whenComplete(
              (session, err) -> client.execute(() -> createSocket(client, auth, session)));
    } else {
      createSocket(client, auth, null);
    }
  }

  private void createSocket(Client client, JsonNode auth, RestoredSession session) {
    if (!client.isOpen()) return;
    Socket socket = new Socket(this, client, auth, session);
    ConnectionStateRecovery csr = server.options().connectionStateRecovery();
    if (session != null) socket.join(session.session().rooms());
    if (session != null && csr.skipMiddlewares()) {
      doConnect(socket, session.missedPackets());
      return;
    }
    server.dispatch(
        socket,
        () ->
            MiddlewareChain.run(
                middlewares,
                (m, next) -> m.handle(socket, next),
                err ->
                    client.execute(
                        () -> {
                          if (!client.isOpen()) {
                            socket.cleanup();
                          } else if (err != null) {
                            socket.cleanup();
                            client.sendConnectError(name, err);
                          } else {
                            doConnect(
                                socket, session == null ? List.of() : session.missedPackets());
                          }
                        })));
  }

  private void doConnect(Socket socket, List<ArrayNode> missed) {
    sockets.put(socket.id(), socket);
    socket.onConnect(missed);
    socket.client().registered(socket);
    server.dispatch(
        socket,
        () -> {
          for (Consumer<Socket> l : connectionListeners) socket.safely(() -> l.accept(socket));
        });
  }

  /** Forgets a socket; removes an empty child namespace when the server says so. */
  void remove(Socket socket) {
    if (sockets.remove(socket.id(), socket)
        && sockets.isEmpty()
        && parent != null
        && server.options().cleanupEmptyChildNamespaces()) {
      parent.removeChild(this);
    }
  }
}
