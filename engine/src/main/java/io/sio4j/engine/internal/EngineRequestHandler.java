package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HandshakeRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one aggregated HTTP request: plain requests to the {@link io.sio4j.engine.HttpHandler},
 * Engine.IO requests through the official server's checks ({@code Server.verify}: transport, sid,
 * method, protocol version, {@code allowRequest}) to a handshake, a polling GET/POST or a WebSocket
 * upgrade. Refusals get the official error answer.
 *
 * <p>Threading: one instance per connection, on the connection's event loop. The request is
 * released by {@link SimpleChannelInboundHandler}; the {@code allowRequest} path retains it until
 * the hook answers.
 */
final class EngineRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private final NettyEngineServer server;
  private final EngineCore core;
  private final EngineOptions options;
  private final HttpResponder responder;
  private final String pathPrefix;
  private EngineSession lastPollSession;
  private NettyPollExchange lastPoll;

  EngineRequestHandler(NettyEngineServer server, HttpResponder responder) {
    this.server = server;
    this.core = server.core();
    this.options = server.options();
    this.responder = responder;
    String p = options.path();
    this.pathPrefix = options.addTrailingSlash() ? p : p.substring(0, p.length() - 1);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      refuseMalformed(ctx.channel(), req.decoderResult().cause());
      return;
    }
    QueryStringDecoder qs =
        req.uri().startsWith(pathPrefix) ? new QueryStringDecoder(req.uri()) : null;
    if (qs == null || isPlainFileUnderEnginePath(qs)) {
      PlainHttpDispatcher.dispatch(ctx.channel(), req, options.httpHandler(), responder);
      return;
    }
    Map<String, List<String>> params = qs.parameters();
    RequestMeta meta = RequestMeta.of(req, EngineRoutes.jsonpIndex(params));
    if (req.method().equals(HttpMethod.OPTIONS) && responder.corsEnabled()) {
      responder.preflight(
          ctx.channel(), meta, req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS));
      return;
    }
    route(ctx, req, params, meta);
  }

  /**
   * A request for a file below the engine path that carries no {@code EIO} parameter, such as
   * {@code /socket.io/socket.io.js}: like the official server, which serves the client bundle
   * before engine.io sees the request, it goes to the HTTP handler rather than Engine.IO.
   */
  private boolean isPlainFileUnderEnginePath(QueryStringDecoder qs) {
    return EngineRoutes.isPlainFile(options, qs.rawPath(), qs.parameters());
  }

  private void route(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      RequestMeta meta) {
    boolean upgrade = isWebSocketUpgrade(req);
    Request r = new Request(ctx, req, params, meta, upgrade);
    EngineRoutes.Route route =
        EngineRoutes.route(core, req.method().name(), params, upgrade, meta.origin());
    switch (route.kind()) {
      case REFUSE -> fail(r, route.error(), null);
      case CLOSED_POLL ->
          responder.send(
              ctx.channel(),
              meta,
              HttpResponder.text(HttpResponseStatus.OK, "text/plain; charset=UTF-8", "6"));
      case UPGRADE -> WebSocketUpgrader.upgrade(server, ctx, req, route.session());
      case POLL -> onPollingRequest(ctx.channel(), req, meta, route.session());
      case HANDSHAKE -> checkThenHandshake(r);
    }
  }

  private void checkThenHandshake(Request r) {
    ChannelHandlerContext ctx = r.ctx;
    FullHttpRequest req = r.req;
    HandshakeRequest handshake = HandshakeRequests.of(req, r.params, ctx.channel());
    if (options.allowRequest() == null) {
      handshake(r, handshake);
      return;
    }
    CompletionStage<String> verdict;
    try {
      verdict = options.allowRequest().check(handshake);
    } catch (RuntimeException e) {
      log.debug("allowRequest failed", e);
      fail(r, EngineError.FORBIDDEN, null);
      return;
    }
    req.retain();
    verdict.whenComplete(
        (reason, error) ->
            ctx.executor()
                .execute(
                    () -> {
                      try {
                        if (error != null) fail(r, EngineError.FORBIDDEN, null);
                        else if (reason != null) fail(r, EngineError.FORBIDDEN, reason);
                        else if (ctx.channel().isActive()) handshake(r, handshake);
                      } finally {
                        req.release();
                      }
                    }));
  }

  private void handshake(Request r, HandshakeRequest handshake) {
    if (r.upgrade) {
      WebSocketUpgrader.handshake(server, r.ctx, r.req, handshake);
      return;
    }
    Channel channel = r.ctx.channel();
    EngineSession session = core.newSession(handshake, channel.eventLoop());
    PollingTransport polling = new PollingTransport(session, options);
    RequestMeta meta = r.meta.withSetCookie(core.sidCookie(session.id()));
    NettyPollExchange get = new NettyPollExchange(channel, meta, responder);
    lastPollSession = session;
    lastPoll = get;
    session.open(polling, core.upgradesFrom(EngineOptions.POLLING));
    polling.onGet(get);
    core.fireConnection(session);
  }

  private void onPollingRequest(
      Channel channel, FullHttpRequest req, RequestMeta meta, EngineSession session) {
    HttpMethod method = req.method();
    if (method.equals(HttpMethod.GET)) {
      NettyPollExchange get = new NettyPollExchange(channel, meta, responder);
      lastPollSession = session;
      lastPoll = get;
      session
          .loop()
          .execute(
              () -> {
                PollingTransport p = session.pollingTransport();
                if (p == null) get.respondError(EngineError.BAD_REQUEST, "Bad request");
                else p.onGet(get);
              });
    } else if (method.equals(HttpMethod.POST)) {
      NettyPollExchange post = new NettyPollExchange(channel, meta, responder);
      String body = req.content().toString(StandardCharsets.UTF_8);
      String contentType = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
      session
          .loop()
          .execute(
              () -> {
                PollingTransport p = session.pollingTransport();
                if (p == null) post.respondError(EngineError.BAD_REQUEST, "Bad request");
                else p.onPost(post, contentType, body);
              });
    } else {
      responder.send(channel, meta, HttpResponder.empty(HttpResponseStatus.INTERNAL_SERVER_ERROR));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    EngineSession s = lastPollSession;
    NettyPollExchange get = lastPoll;
    if (s != null) {
      // queued after the GET itself, so the session has seen it
      s.loop()
          .execute(
              () -> {
                PollingTransport p = s.pollingTransport();
                if (p != null) p.onGetClosed(get);
              });
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection {} failed: {}", ctx.channel(), cause.toString());
    ctx.close();
  }

  private void fail(Request r, EngineError error, String customMessage) {
    String message = customMessage != null ? customMessage : error.message;
    FullHttpRequest req = r.req;
    core.fireConnectionError(
        error.code,
        message,
        req.method().name(),
        req.uri(),
        () -> HandshakeRequests.of(req, r.params, r.ctx.channel()));
    Channel channel = r.ctx.channel();
    if (r.upgrade) {
      // like the official server: a plain 400 with the message, then the connection is dropped
      ByteBuf body = Unpooled.copiedBuffer(message, StandardCharsets.UTF_8);
      var res = HttpResponder.response(HttpResponseStatus.BAD_REQUEST, "text/html", body);
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      channel.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    } else {
      responder.send(channel, r.meta, HttpResponder.error(error, message));
    }
  }

  private void refuseMalformed(Channel channel, Throwable cause) {
    HttpResponseStatus status = HttpResponseStatus.BAD_REQUEST;
    if (cause instanceof TooLongHttpHeaderException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    } else if (cause instanceof TooLongHttpLineException) {
      status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
    } else if (cause instanceof TooLongFrameException) {
      status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
    log.debug("malformed request on {}: {}", channel, String.valueOf(cause));
    var res = HttpResponder.empty(status);
    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    channel.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }

  private static boolean isWebSocketUpgrade(FullHttpRequest req) {
    // any other Upgrade (h2c, ...) is ignored, as HTTP/1.1 allows: the request is served as is
    return req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
        && req.method().equals(HttpMethod.GET);
  }

  private record Request(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      RequestMeta meta,
      boolean upgrade) {}
}
