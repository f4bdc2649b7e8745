package io.sio4j.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.SocketPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol side of one {@link Socket}: the CONNECT handshake (auth, recovery {@code pid} and
 * offset), incoming packets, the buffers of packets waiting for the connection (both ways), acks
 * and the retry queue.
 *
 * <p>Confined to the Manager's thread.
 */
final class SocketSession {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client");

  private final Socket socket;
  private final Manager io;
  private final ClientOptions opts;
  private final ListenerRegistry listeners;
  private final List<Socket.Outgoing> sendBuffer = new ArrayList<>();
  private final List<Runnable> receiveBuffer = new ArrayList<>();
  private final SocketAcks acks;
  final RetryQueue queue;
  private String pid;
  private boolean awaitingMain; // v3: a namespace's CONNECT waits for the server's "/" one
  private String lastOffset;

  SocketSession(Socket socket, Manager io, ClientOptions opts, ListenerRegistry listeners) {
    this.socket = socket;
    this.io = io;
    this.opts = opts;
    this.listeners = listeners;
    this.acks = new SocketAcks(socket, io, listeners, sendBuffer);
    this.queue = new RetryQueue(socket, opts.retries());
  }

  /** Sends an emit now, buffers it until connected, or drops it (volatile). */
  void send(Socket.Outgoing out, AckCallback cb, Duration timeout, boolean vol) {
    if (cb != null) acks.register(out.ackId(), cb, timeout);
    if (vol && !(socket.connected() && io.writable())) {
      log.debug("volatile packet dropped: the transport is not writable");
    } else if (socket.connected()) {
      listeners.emitOutgoing(out.event(), out.args());
      io.write(out.packet());
    } else {
      sendBuffer.add(out);
    }
  }

  void onManagerOpen() {
    if (io.options.eio3()) {
      openLegacy();
      return;
    }
    ObjectNode payload = null;
    try {
      Object auth = opts.auth() == null ? null : opts.auth().get();
      JsonNode tree = auth == null ? null : io.binding.toTree(auth);
      if (tree != null && !tree.isObject() && !tree.isNull()) {
        throw new IllegalArgumentException("auth must serialise to a JSON object, not " + tree);
      }
      if (pid != null) {
        payload = JsonNodeFactory.instance.objectNode();
        payload.put("pid", pid);
        if (lastOffset != null) payload.put("offset", lastOffset);
        else payload.putNull("offset");
      }
      if (tree != null && tree.isObject()) {
        if (payload == null) payload = JsonNodeFactory.instance.objectNode();
        payload.setAll((ObjectNode) tree);
      }
    } catch (RuntimeException e) {
      listeners.emitReserved("connect_error", new ConnectError(e.getMessage(), null, false, e));
      return;
    }
    io.write(io.parser.encoder().encode(SocketPacket.connect(socket.nsp(), payload)));
  }

  /**
   * Protocol v4 (ClientOptions#eio3): the server joins "/" on its own; another namespace is joined
   * with a CONNECT whose namespace carries the auth as a query.
   */
  private void openLegacy() {
    if (socket.nsp().equals("/")) {
      if (io.mainJoinedByServer()) onConnect(io.engineId(), null);
      return;
    }
    if (!io.mainJoinedByServer()) {
      // socket.io 2.x buffers a CONNECT that comes before its own "/" one and then loses the
      // namespace's query (its auth): wait for the server's CONNECT of "/"
      awaitingMain = true;
      return;
    }
    awaitingMain = false;
    StringBuilder nsp = new StringBuilder(socket.nsp());
    try {
      Object auth = opts.auth() == null ? null : opts.auth().get();
      JsonNode tree = auth == null ? null : io.binding.toTree(auth);
      if (tree != null && tree.isObject() && !tree.isEmpty()) {
        char sep = '?';
        for (var it = tree.fields(); it.hasNext(); ) {
          var e = it.next();
          String v = e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString();
          nsp.append(sep).append(enc(e.getKey())).append('=').append(enc(v));
          sep = '&';
        }
      }
    } catch (RuntimeException e) {
      listeners.emitReserved("connect_error", new ConnectError(e.getMessage(), null, false, e));
      return;
    }
    io.write(io.parser.encoder().encode(SocketPacket.connect(nsp.toString(), null)));
  }

  /** v3: the server's CONNECT of "/" arrived; a namespace that waited for it joins now. */
  void onMainJoined() {
    if (awaitingMain) openLegacy();
  }

  // The String-named charset overload: the Charset one is Android API 33.
  private static String enc(String s) {
    try {
      return java.net.URLEncoder.encode(s, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
  }

  void onManagerError(Throwable error) {
    if (socket.connected()) return;
    ConnectError e =
        error instanceof ConnectError ce
            ? ce
            : new ConnectError(error.getMessage(), null, false, error);
    listeners.emitReserved("connect_error", e);
  }

  void onManagerClose(String reason, Throwable cause) {
    onClose(reason, cause);
  }

  void onPacket(SocketPacket p) {
    switch (p.type()) {
      case CONNECT -> {
        JsonNode d = p.data();
        if (io.options.eio3()) {
          // protocol v4: no payload; the id is the Engine.IO id, "<nsp>#<id>" elsewhere than "/"
          String eid = io.engineId();
          onConnect(socket.nsp().equals("/") ? eid : socket.nsp() + "#" + eid, null);
        } else if (d != null && d.path("sid").isTextual()) {
          onConnect(
              d.get("sid").asText(), d.path("pid").isTextual() ? d.get("pid").asText() : null);
        } else {
          listeners.emitReserved(
              "connect_error",
              new ConnectError(
                  "invalid CONNECT reply (a Socket.IO v2 server?)", null, false, null));
        }
      }
      case EVENT, BINARY_EVENT -> onEvent(p);
      case ACK, BINARY_ACK -> acks.onAck(p.ackId(), (ArrayNode) p.data());
      case DISCONNECT -> {
        destroy();
        onClose("io server disconnect", null);
      }
      case CONNECT_ERROR -> {
        destroy();
        JsonNode d = p.data();
        String message = d == null ? "" : d.isTextual() ? d.asText() : d.path("message").asText();
        JsonNode data = d == null || !d.has("data") ? null : d.get("data");
        if (io.options.eio3() && d != null && d.isObject() && !d.has("message")) {
          // protocol v4's ERROR: the server's error data as it is
          message = d.toString();
          data = d;
        }
        listeners.emitReserved("connect_error", new ConnectError(message, data, true, null));
      }
    }
  }

  private void onEvent(SocketPacket p) {
    ArrayNode data = (ArrayNode) p.data();
    String event = data.get(0).asText();
    List<JsonNode> args = new ArrayList<>(data.size() - 1);
    for (int i = 1; i < data.size(); i++) args.add(data.get(i));
    Ack ack = p.hasAckId() ? ackSender(p.ackId()) : Ack.NONE;
    Runnable emit =
        () -> {
          listeners.emitAny(event, args, ack);
          listeners.emitEvent(event, args, ack);
          if (pid != null && !args.isEmpty() && args.get(args.size() - 1).isTextual()) {
            lastOffset = args.get(args.size() - 1).asText();
          }
        };
    if (socket.connected()) emit.run();
    else receiveBuffer.add(emit);
  }

  private Ack ackSender(long ackId) {
    AtomicBoolean sent = new AtomicBoolean();
    return args -> {
      if (!sent.compareAndSet(false, true)) return;
      EncodedPacket packet = io.parser.encoder().encodeAck(socket.nsp(), ackId, args);
      io.execute(() -> io.write(packet));
    };
  }

  private void onConnect(String sid, String newPid) {
    socket.connectedAs(sid, newPid != null && newPid.equals(pid));
    pid = newPid;
    receiveBuffer.forEach(Runnable::run);
    receiveBuffer.clear();
    for (Socket.Outgoing out : sendBuffer) {
      listeners.emitOutgoing(out.event(), out.args());
      io.write(out.packet());
    }
    sendBuffer.clear();
    queue.drain(true);
    listeners.emitReserved("connect");
  }

  void onClose(String reason, Throwable cause) {
    socket.markDisconnected();
    listeners.emitReserved("disconnect", reason, cause);
    acks.failUnbuffered();
  }

  void destroy() {
    if (socket.deactivate()) io.unsubscribe(socket);
  }
}
