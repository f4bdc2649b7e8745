package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.socketio.PacketDecoder;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.socketio.SocketPacketType;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import io.sio4j.server.adapter.BroadcastFlags;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO connection seen by the Socket.IO layer: decodes its packets and routes them to the
 * socket of each namespace it joined (several namespaces share one connection).
 *
 * <p>Threading: the decoder and the routing run on the connection's event loop; {@link
 * #execute(Runnable)} hops there. The socket map is replaced, never changed in place, because
 * sockets may be disconnected from any thread.
 */
final class Client implements EngineSocket.Listener {
  private static final Logger LOG = LoggerFactory.getLogger("io.sio4j.server");
  // the auth of a CONNECT without one, shared: an ObjectNode and its map less per socket (issue
  // 12); the map is immutable, so an application that breaks the "don't modify" rule of
  // Handshake#auth gets an exception instead of changing every socket's auth
  private static final JsonNode EMPTY_AUTH =
      new com.fasterxml.jackson.databind.node.ObjectNode(JsonNodeFactory.instance, Map.of());

  private final SocketIoServer server;
  private final EngineSocket conn;
  private final PacketDecoder decoder;
  // the sockets by namespace, replaced on each change (guarded by this), never changed in place:
  // null (none yet), the Socket itself (a connection is almost always in one namespace: even a
  // one-entry Map.of was 32 bytes per idle connection, issue 12), or an immutable map for several
  private volatile Object sockets;
  // dropped once cancelled: the cancelled task would otherwise stay reachable from here
  private volatile Cancellable connectTimer;
  private PartialPacketGuard partial; // created by the first partial packet; on the event loop
  private volatile boolean closed;
  private volatile String closeReason; // set when the server closes, wins over the engine's reason

  Client(SocketIoServer server, EngineSocket conn) {
    this.server = server;
    this.conn = conn;
    this.decoder = server.parser().newDecoder();
    this.connectTimer =
        conn.scheduler()
            .schedule(
                () -> {
                  if (sockets == null) {
                    LOG.debug("client {}: no namespace joined in time, closing", conn.id());
                    close(DisconnectReason.FORCED_SERVER_CLOSE);
                  }
                },
                server.options().connectTimeout());
    conn.setListener(this);
    if (conn.protocol() == 3) {
      // Socket.IO protocol v4 (Engine.IO v3 clients): the main namespace is joined implicitly
      execute(() -> connect(SocketPacket.MAIN_NAMESPACE, null));
    }
  }

  private PartialPacketGuard partial() {
    if (partial == null) {
      partial =
          new PartialPacketGuard(
              conn,
              server.options(),
              server.partialPacketBytes(),
              () -> {
                LOG.debug("client {}: attachments not received in time, closing", conn.id());
                close(DisconnectReason.FORCED_SERVER_CLOSE);
              });
    }
    return partial;
  }

  /** The partial packet (if any) completed or was dropped. */
  private void partialDone() {
    if (partial != null) partial.done();
  }

  /** Whether this client speaks Socket.IO protocol v4 over Engine.IO v3 ({@code allowEIO3}). */
  boolean legacy() {
    return conn.protocol() == 3;
  }

  /** The connection's timers (tasks run on its event loop). */
  Scheduler timers() {
    return conn.scheduler();
  }

  boolean isOpen() {
    return !closed && !server.closing() && conn.isOpen();
  }

  String id() {
    return conn.id();
  }

  String transport() {
    return conn.transport();
  }

  EngineSocket conn() {
    return conn;
  }

  void execute(Runnable task) {
    try {
      conn.eventLoop().execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the event loop is gone (shutdown): nobody else touches this connection any more
      task.run();
    }
  }

  /** Runs {@code task} after the rest of the current read, in one loop task with the others. */
  void runAfterRead(Runnable task) {
    try {
      conn.runAfterRead(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      task.run();
    }
  }

  Handshake handshake(JsonNode auth) {
    HandshakeRequest r = conn.request();
    java.net.InetSocketAddress remote = r.remoteAddress();
    String address =
        remote == null
            ? null
            : remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : remote.getHostString();
    return new Handshake(
        r.headers(),
        r.time(),
        address,
        r.header("origin") != null,
        r.secure(),
        r.time().toEpochMilli(),
        r.url(),
        r.query(),
        auth);
  }

  // ---- from the engine, on the event loop ----

  @Override
  public void onText(String text) {
    SocketPacket packet;
    try {
      packet = decoder.decodeText(text);
    } catch (ProtocolException | RuntimeException e) {
      onDecodeError(e);
      return;
    }
    if (packet != null) onDecoded(packet);
    else if (decoder.awaitingAttachments() && !partial().hold(text.length())) onPartialTooLarge();
  }

  @Override
  public void onBinary(byte[] data) {
    SocketPacket packet;
    try {
      packet = decoder.decodeBinary(data);
    } catch (ProtocolException | RuntimeException e) {
      partialDone();
      onDecodeError(e);
      return;
    }
    if (packet != null) {
      partialDone();
      onDecoded(packet);
    } else if (decoder.awaitingAttachments() && !partial().hold(data.length)) {
      onPartialTooLarge();
    }
  }

  private void onPartialTooLarge() {
    LOG.debug("client {}: partial packet over its bound, closing", conn.id());
    decoder.reset();
    partialDone();
    close(DisconnectReason.FORCED_SERVER_CLOSE);
  }

  @Override
  public void onClose(String reason, String description) {
    String mine = closeReason;
    onClosed(mine != null ? mine : reason, mine != null ? null : description);
  }

  private void onDecodeError(Exception e) {
    LOG.debug("client {}: invalid packet, closing: {}", conn.id(), e.getMessage());
    close(DisconnectReason.PARSE_ERROR);
  }

  private void onDecoded(SocketPacket packet) {
    if (closed) return;
    Socket socket = socketIn(packet.namespace());
    if (socket == null && packet.type() == SocketPacketType.CONNECT) {
      if (legacy()) connectLegacy(packet.namespace());
      else connect(packet.namespace(), packet.data());
    } else if (socket != null
        && packet.type() != SocketPacketType.CONNECT
        && packet.type() != SocketPacketType.CONNECT_ERROR) {
      socket.onPacket(packet);
    } else {
      // a packet for a namespace not joined, a second CONNECT, or a CONNECT_ERROR from a client
      LOG.debug(
          "client {}: {} for namespace {} in the wrong state, closing",
          conn.id(),
          packet.type(),
          packet.namespace());
      close(DisconnectReason.FORCED_SERVER_CLOSE);
    }
  }

  /**
   * Protocol v4: the namespace may carry the auth as a query ({@code /admin?token=abc}), which
   * becomes the auth object, as the official server's {@code _parseNamespace} does.
   */
  private void connectLegacy(String nspWithQuery) {
    int q = nspWithQuery.indexOf('?');
    if (q < 0) {
      connect(nspWithQuery, null);
      return;
    }
    com.fasterxml.jackson.databind.node.ObjectNode auth = JsonNodeFactory.instance.objectNode();
    for (String pair : nspWithQuery.substring(q + 1).split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      try {
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        auth.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        LOG.debug("client {}: invalid namespace query parameter, ignored", conn.id());
      }
    }
    connect(nspWithQuery.substring(0, q), auth);
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private void connect(String name, JsonNode authPayload) {
    JsonNode auth = authPayload != null && authPayload.isObject() ? authPayload : EMPTY_AUTH;
    Namespace nsp = server.lookupNamespace(name, auth);
    if (nsp == null) {
      LOG.debug("client {}: unknown namespace {}", conn.id(), name);
      sendPacket(
          SocketPacket.connectError(name, "Invalid namespace", null), BroadcastFlags.DEFAULT);
      return;
    }
    nsp.add(this, auth);
  }

  // ---- from sockets and namespaces ----

  /** The socket of namespace {@code name} on this connection, or null. */
  private Socket socketIn(String name) {
    Object current = sockets;
    if (current instanceof Socket one) return one.nsp().name().equals(name) ? one : null;
    return current == null ? null : asMap(current).get(name);
  }

  /** The sockets now: an immutable snapshot. */
  private Collection<Socket> socketList() {
    Object current = sockets;
    if (current == null) return List.of();
    return current instanceof Socket one ? List.of(one) : asMap(current).values();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Socket> asMap(Object sockets) {
    return (Map<String, Socket>) sockets;
  }

  void registered(Socket socket) {
    synchronized (this) {
      Object current = sockets;
      if (current == null) {
        sockets = socket;
      } else {
        Map<String, Socket> next = new HashMap<>();
        for (Socket s : socketList()) next.put(s.nsp().name(), s);
        next.put(socket.nsp().name(), socket);
        sockets = Map.copyOf(next);
      }
    }
    cancelConnectTimer();
  }

  void remove(Socket socket) {
    synchronized (this) {
      if (socketIn(socket.nsp().name()) != socket) return;
      if (sockets == socket) { // the usual case: no copy to make
        sockets = null;
        return;
      }
      Map<String, Socket> next = new HashMap<>(asMap(sockets));
      next.remove(socket.nsp().name());
      sockets = next.size() == 1 ? next.values().iterator().next() : Map.copyOf(next);
    }
  }

  private void cancelConnectTimer() {
    Cancellable timer = connectTimer;
    if (timer == Cancellable.NONE) return;
    timer.cancel();
    connectTimer = Cancellable.NONE;
  }

  void sendConnectError(String nsp, Throwable err) {
    Object data = err instanceof ConnectError ce ? ce.data() : null;
    JsonNode dataNode = data == null ? null : server.binding().toTree(data);
    String message = err.getMessage() == null ? err.getClass().getSimpleName() : err.getMessage();
    if (legacy()) {
      // protocol v4's ERROR packet: the error's data, else its message as a plain JSON string
      JsonNode payload = dataNode != null ? dataNode : JsonNodeFactory.instance.textNode(message);
      sendPacket(
          new SocketPacket(SocketPacketType.CONNECT_ERROR, nsp, -1, payload),
          BroadcastFlags.DEFAULT);
      return;
    }
    sendPacket(SocketPacket.connectError(nsp, message, dataNode), BroadcastFlags.DEFAULT);
  }

  void sendPacket(SocketPacket packet, BroadcastFlags flags) {
    Namespace any = server.mainNamespace();
    write(any.encode(packet, flags));
  }

  void write(OutboundMessage[] frames) {
    if (!conn.isOpen()) return;
    if (frames.length == 1) conn.send(frames[0]);
    else conn.sendAll(frames);
  }

  /**
   * {@code socket.disconnect(true)}: every namespace gets a DISCONNECT, then the connection closes.
   */
  void disconnectAll() {
    for (Socket socket : socketList()) { // an immutable snapshot
      sendPacket(SocketPacket.disconnect(socket.nsp().name()), BroadcastFlags.DEFAULT);
      socket.onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT, null);
    }
    close(DisconnectReason.FORCED_SERVER_CLOSE);
  }

  /** Closes the connection; every socket still on it gets {@code reason}. */
  void close(String reason) {
    if (closed) return;
    closeReason = reason;
    if (conn.isOpen()) conn.close();
    onClosed(reason, null);
  }

  /** Server shutdown: sockets get {@code "server shutting down"} before the engine closes. */
  /** Closes every socket with "server shutting down"; completes once they are closed. */
  CompletableFuture<Void> shutdown() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    execute(
        () -> {
          try {
            onClosed(DisconnectReason.SERVER_SHUTTING_DOWN, null);
          } finally {
            done.complete(null);
          }
        });
    return done;
  }

  private void onClosed(String reason, String description) {
    if (closed) return;
    closed = true;
    cancelConnectTimer();
    decoder.reset();
    partialDone();
    for (Socket socket : socketList()) socket.onClose(reason, description);
    synchronized (this) {
      sockets = null;
    }
  }
}
