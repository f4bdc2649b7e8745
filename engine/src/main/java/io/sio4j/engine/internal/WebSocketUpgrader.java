package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.Future;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HandshakeRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an accepted HTTP upgrade into a WebSocket connection (RFC 6455 handshake by Netty, frames
 * limited to maxHttpBufferSize, fragments aggregated within the same bound) and attaches it to a
 * new session or, with a sid, offers it to an existing session as the upgrade probe.
 *
 * <p>Threading: runs on the connection's event loop; session work hops to the session's loop.
 */
final class WebSocketUpgrader {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");

  private WebSocketUpgrader() {}

  /**
   * A WebSocket-only handshake: a new session whose first transport is this WebSocket. The session
   * opens as soon as the 101 is written, as the official server's does (it does not wait for the
   * bytes to leave); the 101 is held back until the OPEN packet is written behind it, and both
   * leave in one write (see {@link WebSocketTransport#holdFlushes}). If that write fails, the
   * connection is closed and the session with it. With permessage-deflate the extension's handlers
   * join the pipeline only once the 101 is out, so there the session waits for it.
   */
  static void handshake(
      NettyEngineServer server,
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      HandshakeRequest handshake,
      String id,
      Map<String, List<String>> extraHeaders) {
    // nothing is registered before the 101 is written: a refused handshake leaves nothing
    EngineSession session = server.createSession(handshake, ctx.channel().eventLoop(), id);
    String cookie = server.sidCookie(session.id());
    HttpHeaders headers = responseHeaders(server, cookie != null || extraHeaders != null);
    if (cookie != null) headers.add(HttpHeaderNames.SET_COOKIE, cookie);
    if (extraHeaders != null) HttpResponder.setAll(headers, extraHeaders);
    boolean together = !server.options().perMessageDeflate();
    WebSocketTransport ws = start(server, ctx, req, params, headers, handshake, true, together);
    if (ws == null) return;
    ws.bind(session);
    ChannelFuture written = ws.takeHandshakeFuture();
    if (!together) {
      written.addListener(
          f -> {
            if (handshakeDone(f, ctx.channel())) open(server, session, ws, id, ctx.channel());
          });
      return;
    }
    try {
      // failed already (the pipeline had no HTTP codec to replace): closed, nothing opened
      if (written.isDone() && !handshakeDone(written, ctx.channel())) return;
      open(server, session, ws, id, ctx.channel());
    } finally {
      if (ws.releaseFlushes()) {
        // what the session queued meanwhile (its OPEN) goes out behind the 101 in one write; the
        // channel's own flush covers a session that queued nothing or was closed meanwhile (by a
        // connection listener, say), and finds nothing left to write otherwise
        session.flush();
        ctx.channel().flush();
      }
    }
    written.addListener(CLOSE_ON_FAILED_HANDSHAKE);
  }

  /** Registers and opens a new session on its first transport, the WebSocket {@code ws}. */
  private static void open(
      NettyEngineServer server,
      EngineSession session,
      WebSocketTransport ws,
      String id,
      Channel channel) {
    if (server.register(session)) {
      session.open(ws.transport(), server.upgradesFrom(EngineOptions.WEBSOCKET));
      server.fireConnection(session);
    } else {
      // a custom id taken meanwhile by another handshake
      log.debug("session id {} taken during the handshake, closing", id);
      channel.close();
    }
  }

  /** Closes a connection whose 101 could not be written (one shared listener, no lambda each). */
  private static final ChannelFutureListener CLOSE_ON_FAILED_HANDSHAKE =
      f -> handshakeDone(f, f.channel());

  /**
   * Headers to add to the 101, or null when there will be none (no cookie, no middleware headers,
   * no listener to add some): a header map costs a 16-slot table per connection.
   */
  private static HttpHeaders responseHeaders(NettyEngineServer server, boolean some) {
    return some || server.hooks().hasHeaderListeners() ? new DefaultHttpHeaders() : null;
  }

  /** The {@code initial_headers} / {@code headers} listeners edit the 101 (ws's "headers"). */
  private static void editHeaders(
      NettyEngineServer server, HttpHeaders headers, HandshakeRequest view, boolean initial) {
    if (view != null && server.hooks().hasHeaderListeners()) {
      HttpResponder.editWithListeners(server.hooks(), headers, view, initial);
    }
  }

  /** A WebSocket with the sid of a polling session: it becomes the probe of an upgrade. */
  static void upgrade(
      NettyEngineServer server,
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      EngineSession session,
      RequestMeta meta) {
    HttpHeaders headers = responseHeaders(server, meta.extraHeaders() != null);
    if (meta.extraHeaders() != null) HttpResponder.setAll(headers, meta.extraHeaders());
    WebSocketTransport ws = start(server, ctx, req, params, headers, meta.view(), false, false);
    if (ws == null) return;
    ws.bind(session);
    ws.takeHandshakeFuture()
        .addListener(
            f -> {
              if (handshakeDone(f, ctx.channel())) {
                session.loop().execute(() -> session.maybeUpgrade(ws.transport()));
              }
            });
  }

  private static WebSocketTransport start(
      NettyEngineServer server,
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      HttpHeaders headers,
      HandshakeRequest view,
      boolean initial,
      boolean holdFlush) {
    EngineOptions options = server.options();
    Channel channel = ctx.channel();
    if (!EngineRoutes.validWebSocketKey(req.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_KEY))) {
      log.debug("missing or invalid Sec-WebSocket-Key on {}", channel);
      refuse(channel, "Missing or invalid Sec-WebSocket-Key header");
      return null;
    }
    WebSocketDecoderConfig config = server.webSocketDecoderConfig();
    // only the pre-RFC drafts (no version header) write the URL into their response: versions 7,
    // 8 and 13 never read it, so they get the URI as is rather than a string built per connection
    String location =
        req.headers().contains(HttpHeaderNames.SEC_WEBSOCKET_VERSION)
            ? req.uri()
            : "ws://" + req.headers().get(HttpHeaderNames.HOST, "localhost") + req.uri();
    WebSocketServerHandshaker handshaker =
        WebSocketServerHandshakerFactory.resolveHandshaker(req, location, null, config);
    if (handshaker == null) {
      log.debug("unsupported websocket version on {}", channel);
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel)
          .addListener(ChannelFutureListener.CLOSE);
      return null;
    }
    editHeaders(server, headers, view, initial);
    ChannelPipeline p = ctx.pipeline();
    WebSocketTransport ws =
        new WebSocketTransport(
            channel, EngineRoutes.wantsBase64(params), options.maxHttpBufferSize());
    // UTF-8 validation and fragment aggregation join the pipeline only when a client sends a
    // fragmented message (WebSocketTransport.assembleFragments): a whole frame, the usual case, is
    // checked by the transport itself, without two more handlers per connection
    p.addAfter(ctx.name(), "ws-transport", ws);
    p.remove(ctx.handler());
    // a WebSocket's liveness is the session heartbeat's job (ping timeout closes it): the HTTP
    // idle watch would only add a timer, a per-read timestamp and a pipeline hop per connection
    RequestGuard.removeFrom(p);
    // a compressor that was never needed (one that was is Netty's to remove)
    if (p.get(LazyCompressor.NAME) instanceof LazyCompressor) p.remove(LazyCompressor.NAME);
    if (holdFlush) ws.holdFlushes();
    ChannelFuture done;
    try {
      done = handshaker.handshake(channel, req, headers, channel.newPromise());
    } catch (RuntimeException e) {
      // missing or bad Sec-WebSocket-Key and the like
      log.debug("bad websocket handshake on {}: {}", channel, e.toString());
      ws.releaseFlushes();
      channel.close();
      return null;
    }
    ws.setHandshakeFuture(done);
    return ws;
  }

  /**
   * Whether the 101 was written; if not, the connection is closed. Called by the one listener each
   * caller adds to the handshake (a second listener cost a lambda and a listener array per
   * connection).
   */
  private static boolean handshakeDone(Future<?> f, Channel channel) {
    if (f.isSuccess()) return true;
    log.debug("websocket handshake failed on {}: {}", channel, String.valueOf(f.cause()));
    channel.close();
    return false;
  }

  /**
   * The frame decoder's settings for {@code options}: immutable, built once per server (its {@link
   * NettyEngineServer#webSocketDecoderConfig()}), not per connection.
   */
  static WebSocketDecoderConfig decoderConfig(EngineOptions options) {
    return WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(options.maxHttpBufferSize())
        .allowExtensions(options.perMessageDeflate())
        .expectMaskedFrames(true)
        // the transport sends the close itself, without Netty's reason text
        .closeOnProtocolViolation(false)
        .withUTF8Validator(true)
        .build();
  }

  /** A plain 400 with the reason, then the connection is dropped (ws's abortHandshake). */
  private static void refuse(Channel channel, String message) {
    ByteBuf body = Unpooled.copiedBuffer(message, StandardCharsets.UTF_8);
    var res = HttpResponder.response(HttpResponseStatus.BAD_REQUEST, "text/html", body);
    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    channel.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }

  /** Most fragments one message may have (tiny-fragment floods, CVE-2026-48779). */
  static final int FRAGMENT_LIMIT = 1024;
}
