package io.sio4j.engine.internal;

import io.sio4j.engine.EngineOptions;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EngineCodecV3;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP long-polling (with JSONP when the request has a {@code j} parameter): at most one waiting
 * GET per session, which receives the next payload; POST bodies carry packets to the server.
 * Mirrors {@code Polling} and {@code JSONP} in the official engine.io server.
 *
 * <p>Host-neutral: requests arrive as {@link PollExchange}s, which the host (Netty or Jakarta)
 * answers on its own connection.
 *
 * <p>Threading: confined to the session's event loop; the exchanges are answered from there.
 */
public final class PollingTransport extends Transport {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.polling");
  private static final byte[] SEPARATOR = {EngineCodec.RECORD_SEPARATOR};
  private static final long CLOSE_TIMEOUT_MILLIS = 30_000;
  private static final String TEXT = "text/plain; charset=UTF-8";
  private static final String BINARY = "application/octet-stream";
  private static final byte[][] OK = {"ok".getBytes(StandardCharsets.UTF_8)};

  private final EngineSession session;
  private final EngineOptions options;
  private PollExchange pendingGet;
  private Runnable shouldClose;
  private ScheduledFuture<?> closeTimeout;
  private boolean discarded;
  private boolean closed;
  // answers handed to the host that the peer has not taken yet, with their bytes
  private final java.util.Map<PollExchange, Long> unwritten = new java.util.HashMap<>();
  private long unwrittenBytes;

  /** A polling transport for {@code session} (the handshake's first transport). */
  public PollingTransport(EngineSession session, EngineOptions options) {
    this.session = session;
    this.options = options;
  }

  /** The session this transport carries. */
  public EngineSession session() {
    return session;
  }

  @Override
  protected String name() {
    return EngineOptions.POLLING;
  }

  /**
   * A poll waits and the previous answers were taken by the peer: a client that polls but never
   * reads its answers (pipelined GETs, or new connections) makes this false, so its messages wait
   * in the session's bounded buffer and volatile ones are dropped, as on WebSocket.
   */
  @Override
  protected boolean writable() {
    return pendingGet != null && unwritten.isEmpty();
  }

  /** Whether a GET is waiting (whatever the state of earlier answers). */
  boolean hasWaitingGet() {
    return pendingGet != null;
  }

  @Override
  protected long heldBytes() {
    return unwrittenBytes;
  }

  /** Drops the connections of answers the peer has not taken (the session is closing). */
  void abortUnwritten() {
    for (PollExchange e : List.copyOf(unwritten.keySet())) e.abort();
  }

  /** A GET arrived: it waits until there is something to send. */
  public void onGet(PollExchange get) {
    session.closeIfPingOverdue();
    if (closed && session.registry().takeClientClose(session.id())) {
      // the poll the client sent before its CLOSE packet overtook it: end it quietly
      get.respondText(200, TEXT, session.protocol() == 3 ? "1:6" : "6");
      return;
    }
    if (refusedAsGone(get)) return;
    if (pendingGet != null) {
      log.debug("session {}: overlapping poll", session.id());
      session.onTransportError(this, "overlap from client");
      get.respondEmpty(400);
      return;
    }
    pendingGet = get;
    if (shouldClose != null) {
      send(List.of(WirePacket.NOOP));
    } else {
      // during an upgrade the probe's 100 ms timer releases this poll, as in the official server
      session.flush();
    }
  }

  /** The connection of a waiting GET closed before it was answered. */
  public void onGetClosed(PollExchange get) {
    if (pendingGet != get) return;
    pendingGet = null;
    session.onTransportError(this, "poll connection closed prematurely");
  }

  /**
   * A POST body as bytes (already bounded by maxHttpBufferSize): a v3 client may send a binary
   * payload ({@code application/octet-stream}); everything else is UTF-8 text.
   */
  public void onPost(PollExchange post, String contentType, byte[] body) {
    if (session.protocol() == 3
        && post.jsonp() == null
        && contentType != null
        && isBinaryContentType(contentType)) {
      session.closeIfPingOverdue();
      if (refusedAsGone(post)) return;
      List<EnginePacket> packets;
      try {
        packets = EngineCodecV3.decodeBinaryPayload(body, options.maxHttpBufferSize());
      } catch (ProtocolException e) {
        post.respondError(EngineError.BAD_REQUEST, "Bad request");
        session.onParseError(this, e.getMessage());
        return;
      }
      onPackets(post, packets);
      return;
    }
    onPost(post, contentType, new String(body, StandardCharsets.UTF_8));
  }

  /** A POST body (already bounded by maxHttpBufferSize) arrived. */
  public void onPost(PollExchange post, String contentType, String body) {
    session.closeIfPingOverdue();
    if (refusedAsGone(post)) return;
    if (session.protocol() != 3
        && post.jsonp() == null
        && contentType != null
        && isBinaryContentType(contentType)) {
      // v4 payloads are text only; the official server refuses binary bodies (engine.io 6.6.7)
      session.onTransportError(this, "invalid content");
      post.respondEmpty(400);
      return;
    }
    String payload = post.jsonp() == null ? body : JsonpPayloads.decodeForm(body);
    List<EnginePacket> packets;
    try {
      if (payload == null) throw new ProtocolException("missing d parameter");
      packets =
          session.protocol() == 3
              ? EngineCodecV3.decodePayload(payload, options.maxHttpBufferSize())
              : EngineCodec.decodePayload(payload, options.maxHttpBufferSize());
    } catch (ProtocolException e) {
      post.respondError(EngineError.BAD_REQUEST, "Bad request");
      session.onParseError(this, e.getMessage());
      return;
    }
    onPackets(post, packets);
  }

  private void onPackets(PollExchange post, List<EnginePacket> packets) {
    for (EnginePacket p : packets) {
      if (p.type() == EnginePacketType.CLOSE) {
        log.debug("session {}: client sent close", session.id());
        if (pendingGet != null) send(List.of(WirePacket.NOOP));
        else session.registry().rememberClientClose(session);
        closed = true;
        session.onTransportClose(this);
        break;
      }
      session.onPacket(this, p);
    }
    post.respond(200, "text/html", OK, false);
  }

  /**
   * Refuses a request that reached a transport already gone: a closed session answers like an
   * unknown one (code 1), a transport left by an upgrade answers "Bad request" (code 3).
   */
  private boolean refusedAsGone(PollExchange exchange) {
    if (discarded) {
      exchange.respondError(EngineError.BAD_REQUEST, "Bad request");
      return true;
    }
    if (closed && shouldClose == null) {
      exchange.respondError(EngineError.UNKNOWN_SID, "Session ID unknown");
      return true;
    }
    return false;
  }

  @Override
  protected void send(List<WirePacket> packets) {
    PollExchange get = pendingGet;
    if (get == null) return;
    pendingGet = null;
    Runnable afterClose = shouldClose;
    shouldClose = null;
    boolean v3 = session.protocol() == 3;
    // a v3 payload holding binary goes out in the binary framing unless the client asked for b64
    boolean v3Binary = v3 && get.jsonp() == null && !session.base64Polling() && anyBinary(packets);
    byte[][] body =
        v3
            ? encodeV3(packets, afterClose != null, get.jsonp(), v3Binary)
            : encode(packets, afterClose != null, get.jsonp());
    long bytes = 0;
    for (byte[] part : body) bytes += part.length;
    long held = bytes;
    unwritten.put(get, held);
    unwrittenBytes += held;
    session.memory().add(held);
    // JSONP responses keep text/plain, like the official server; when every message asked not to
    // be compressed, an explicit identity keeps the compressor off
    get.respond(
        200,
        v3Binary ? BINARY : TEXT,
        body,
        !anyCompressible(packets),
        () -> session.runOnLoop(() -> onWritten(get)));
    if (afterClose != null) {
      if (closeTimeout != null) closeTimeout.cancel(false);
      afterClose.run();
    }
  }

  /** The host handed an answer to the peer (or failed to): its bytes are no longer held. */
  private void onWritten(PollExchange get) {
    Long held = unwritten.remove(get);
    if (held == null) return;
    unwrittenBytes -= held;
    session.memory().release(held);
    if (unwritten.isEmpty() && pendingGet != null) session.flush();
  }

  @Override
  protected void close(Runnable onClosed) {
    if (closed && shouldClose == null) {
      if (onClosed != null) onClosed.run();
      return;
    }
    closed = true;
    if (discarded) {
      if (onClosed != null) onClosed.run();
    } else if (pendingGet != null) {
      send(List.of(WirePacket.CLOSE));
      if (onClosed != null) onClosed.run();
    } else if (onClosed != null && shouldClose == null) {
      // deliver the CLOSE packet with the next poll, or give up after a while
      shouldClose = onClosed;
      closeTimeout =
          session
              .eventLoop()
              .schedule(
                  () -> {
                    Runnable r = shouldClose;
                    shouldClose = null;
                    if (r != null) r.run();
                  },
                  CLOSE_TIMEOUT_MILLIS,
                  TimeUnit.MILLISECONDS);
    }
  }

  @Override
  protected void discard() {
    discarded = true;
    if (pendingGet != null) send(List.of(WirePacket.NOOP));
  }

  /**
   * v3: a text payload ({@code <length>:<packet>}) for JSONP, for {@code b64} clients and when no
   * packet is binary; otherwise the binary payload, as the official server's parser-v3 does.
   */
  private static byte[][] encodeV3(
      List<WirePacket> packets, boolean appendClose, String jsonp, boolean binary) {
    List<EnginePacket> list = new ArrayList<>(packets.size() + 1);
    for (WirePacket p : packets) list.add(p.toPacket());
    if (appendClose) list.add(WirePacket.CLOSE.toPacket());
    if (binary) return new byte[][] {EngineCodecV3.encodeBinaryPayload(list)};
    String text = EngineCodecV3.encodePayload(list);
    if (jsonp != null) text = JsonpPayloads.wrap(jsonp, text);
    return new byte[][] {text.getBytes(StandardCharsets.UTF_8)};
  }

  private static boolean anyBinary(List<WirePacket> packets) {
    for (WirePacket p : packets) {
      if (p.isBinary()) return true;
    }
    return false;
  }

  private static byte[][] encode(List<WirePacket> packets, boolean appendClose, String jsonp) {
    int n = packets.size() + (appendClose ? 1 : 0);
    byte[][] parts = new byte[n * 2 - 1][];
    int i = 0;
    for (WirePacket p : packets) {
      if (i > 0) parts[i++] = SEPARATOR;
      parts[i++] = p.pollingBytes();
    }
    if (appendClose) {
      if (i > 0) parts[i++] = SEPARATOR;
      parts[i++] = WirePacket.CLOSE.textBytes();
    }
    if (jsonp == null) return parts; // shared bytes, no copy
    StringBuilder sb = new StringBuilder();
    for (byte[] part : parts) sb.append(new String(part, StandardCharsets.UTF_8));
    return new byte[][] {JsonpPayloads.wrap(jsonp, sb.toString()).getBytes(StandardCharsets.UTF_8)};
  }

  /** Like the official server: compress when any packet allows it (control packets do). */
  private static boolean anyCompressible(List<WirePacket> packets) {
    for (WirePacket p : packets) {
      if (p.message() == null || p.message().compress()) return true;
    }
    return false;
  }

  private static boolean isBinaryContentType(String contentType) {
    return contentType.regionMatches(true, 0, "application/octet-stream", 0, 24);
  }
}
