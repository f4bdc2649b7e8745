package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sio4j.engine.EngineOptions;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import java.nio.charset.StandardCharsets;
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
 * <p>Threading: confined to the session's event loop; the GET's channel may live on another loop
 * and is written through Netty's thread-safe {@code Channel.writeAndFlush}.
 */
final class PollingTransport extends Transport {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.polling");
  private static final byte[] SEPARATOR = {EngineCodec.RECORD_SEPARATOR};
  private static final long CLOSE_TIMEOUT_MILLIS = 30_000;
  private static final String TEXT = "text/plain; charset=UTF-8";

  private final EngineSession session;
  private final HttpResponder responder;
  private final EngineOptions options;
  private Channel pendingGet;
  private RequestMeta pendingMeta;
  private Runnable shouldClose;
  private ScheduledFuture<?> closeTimeout;
  private boolean discarded;
  private boolean closed;

  PollingTransport(EngineSession session, HttpResponder responder, EngineOptions options) {
    this.session = session;
    this.responder = responder;
    this.options = options;
  }

  EngineSession session() {
    return session;
  }

  @Override
  String name() {
    return EngineOptions.POLLING;
  }

  @Override
  boolean writable() {
    return pendingGet != null;
  }

  /** A GET arrived: it waits until there is something to send. */
  void onGet(Channel channel, RequestMeta meta) {
    session.closeIfPingOverdue();
    if (closed && session.registry().takeClientClose(session.id())) {
      // the poll the client sent before its CLOSE packet overtook it: end it quietly
      responder.send(channel, meta, HttpResponder.text(HttpResponseStatus.OK, TEXT, "6"));
      return;
    }
    if (refusedAsGone(channel, meta)) return;
    if (pendingGet != null) {
      log.debug("session {}: overlapping poll", session.id());
      session.onTransportError(this, "overlap from client");
      responder.send(channel, meta, HttpResponder.empty(HttpResponseStatus.BAD_REQUEST));
      return;
    }
    pendingGet = channel;
    pendingMeta = meta;
    if (shouldClose != null) {
      send(List.of(WirePacket.NOOP));
    } else {
      // during an upgrade the probe's 100 ms timer releases this poll, as in the official server
      session.flush();
    }
  }

  /** The connection of a waiting GET closed before it was answered. */
  void onGetChannelClosed(Channel channel) {
    if (pendingGet != channel) return;
    pendingGet = null;
    pendingMeta = null;
    session.onTransportError(this, "poll connection closed prematurely");
  }

  /** A POST body (already bounded by maxHttpBufferSize) arrived. */
  void onPost(Channel channel, RequestMeta meta, String contentType, String body) {
    session.closeIfPingOverdue();
    if (refusedAsGone(channel, meta)) return;
    if (meta.jsonp() == null && contentType != null && isBinaryContentType(contentType)) {
      // v4 payloads are text only; the official server refuses binary bodies (engine.io 6.6.7)
      session.onTransportError(this, "invalid content");
      responder.send(channel, meta, HttpResponder.empty(HttpResponseStatus.BAD_REQUEST));
      return;
    }
    String payload = meta.jsonp() == null ? body : JsonpPayloads.decodeForm(body);
    List<EnginePacket> packets;
    try {
      if (payload == null) throw new ProtocolException("missing d parameter");
      packets = EngineCodec.decodePayload(payload, options.maxHttpBufferSize());
    } catch (ProtocolException e) {
      responder.send(channel, meta, HttpResponder.error(EngineError.BAD_REQUEST, "Bad request"));
      session.onParseError(this, e.getMessage());
      return;
    }
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
    FullHttpResponse ok = HttpResponder.text(HttpResponseStatus.OK, "text/html", "ok");
    responder.sendTransport(channel, meta, ok);
  }

  /**
   * Refuses a request that reached a transport already gone: a closed session answers like an
   * unknown one (code 1), a transport left by an upgrade answers "Bad request" (code 3).
   */
  private boolean refusedAsGone(Channel channel, RequestMeta meta) {
    if (discarded) {
      responder.send(channel, meta, HttpResponder.error(EngineError.BAD_REQUEST, "Bad request"));
      return true;
    }
    if (closed && shouldClose == null) {
      responder.send(
          channel, meta, HttpResponder.error(EngineError.UNKNOWN_SID, "Session ID unknown"));
      return true;
    }
    return false;
  }

  @Override
  void send(List<WirePacket> packets) {
    Channel channel = pendingGet;
    RequestMeta meta = pendingMeta;
    if (channel == null) return;
    pendingGet = null;
    pendingMeta = null;
    Runnable afterClose = shouldClose;
    shouldClose = null;
    ByteBuf body = encode(packets, afterClose != null, meta.jsonp());
    // JSONP responses keep text/plain, like the official server
    FullHttpResponse res = HttpResponder.response(HttpResponseStatus.OK, TEXT, body);
    if (!anyCompressible(packets)) {
      // every message asked not to be compressed: an explicit identity keeps the compressor off
      res.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.IDENTITY);
    }
    responder.sendTransport(channel, meta, res);
    if (afterClose != null) {
      if (closeTimeout != null) closeTimeout.cancel(false);
      afterClose.run();
    }
  }

  @Override
  void close(Runnable onClosed) {
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
  void discard() {
    discarded = true;
    if (pendingGet != null) send(List.of(WirePacket.NOOP));
  }

  private static ByteBuf encode(List<WirePacket> packets, boolean appendClose, String jsonp) {
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
    if (jsonp == null) return Unpooled.wrappedBuffer(parts); // shared bytes, no copy
    StringBuilder sb = new StringBuilder();
    for (byte[] part : parts) sb.append(new String(part, StandardCharsets.UTF_8));
    return Unpooled.wrappedBuffer(
        JsonpPayloads.wrap(jsonp, sb.toString()).getBytes(StandardCharsets.UTF_8));
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
