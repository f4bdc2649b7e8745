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
import io.sio4j.engine.CorsOptions;
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
  private final EngineOptions options;
  private final HttpResponder responder;
  private final String pathPrefix;
  private EngineSession lastPollSession;
  private NettyPollExchange lastPoll;

  EngineRequestHandler(NettyEngineServer server, HttpResponder responder) {
    this.server = server;
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
    Map<String, List<String>> params = qs == null ? null : QueryParameters.of(qs);
    if (qs != null && params == null) {
      responder.send(
          ctx.channel(),
          RequestMeta.of(req, null, null),
          HttpResponder.error(EngineError.BAD_REQUEST, EngineError.BAD_REQUEST.message));
      return;
    }
    if (qs == null || isPlainFileUnderEnginePath(qs, params)) {
      PlainHttpDispatcher.dispatch(ctx.channel(), req, options.httpHandler(), responder);
      return;
    }
    EngineHooks hooks = server.hooks();
    boolean middlewares = hooks.hasMiddlewares();
    HandshakeRequest view =
        middlewares || hooks.hasHeaderListeners()
            ? HandshakeRequests.of(req, params, ctx.channel())
            : null;
    RequestMeta meta = RequestMeta.of(req, jsonpIndex(params), view);
    if (req.method().equals(HttpMethod.OPTIONS) && responder.corsEnabled()) {
      responder.preflight(
          ctx.channel(), meta, req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS));
      return;
    }
    if (middlewares) {
      applyMiddlewares(ctx, req, params, meta);
      return;
    }
    route(ctx, req, params, meta);
  }

  /**
   * The official {@code _applyMiddlewares}, before {@code verify}: the request is kept (retained)
   * until the chain answers or the connection closes, whichever comes first.
   */
  private void applyMiddlewares(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      RequestMeta meta) {
    req.retain();
    EngineHooks.MiddlewareRun[] run = {null};
    // releases the request if the connection closes before the chain answers
    io.netty.util.concurrent.GenericFutureListener<io.netty.util.concurrent.Future<Void>> onClose =
        f -> {
          if (run[0].abandon()) req.release();
        };
    EngineHooks.MiddlewareOutcome outcome =
        new EngineHooks.MiddlewareOutcome() {
          @Override
          public void proceed(Map<String, List<String>> headers) {
            ctx.channel().closeFuture().removeListener(onClose);
            try {
              if (ctx.channel().isActive()) route(ctx, req, params, meta.withExtraHeaders(headers));
            } finally {
              req.release();
            }
          }

          @Override
          public void respond(
              int status, Map<String, List<String>> headers, String contentType, String body) {
            ctx.channel().closeFuture().removeListener(onClose);
            try {
              var res =
                  HttpResponder.text(
                      HttpResponseStatus.valueOf(status), contentType, body == null ? "" : body);
              RequestMeta m = meta.withExtraHeaders(headers);
              if (isWebSocketUpgrade(req)) {
                m = new RequestMeta(m.version(), false, null, null, null, null, false, headers);
              }
              responder.send(ctx.channel(), m, res);
            } finally {
              req.release();
            }
          }

          @Override
          public void fail(Throwable error) {
            ctx.channel().closeFuture().removeListener(onClose);
            try {
              log.debug("middleware refused {} {}: {}", req.method(), req.uri(), error);
              Request r =
                  new Request(
                      ctx, req, params, meta.withExtraHeaders(null), isWebSocketUpgrade(req));
              EngineRequestHandler.this.fail(r, EngineError.BAD_REQUEST, null);
            } finally {
              req.release();
            }
          }
        };
    run[0] = hooks().runMiddlewares(meta.view(), ctx.executor(), outcome);
    ctx.channel().closeFuture().addListener(onClose);
  }

  private EngineHooks hooks() {
    return server.hooks();
  }

  /**
   * A request for a file below the engine path that carries no {@code EIO} parameter, such as
   * {@code /socket.io/socket.io.js}: like the official server, which serves the client bundle
   * before engine.io sees the request, it goes to the HTTP handler rather than Engine.IO.
   */
  private boolean isPlainFileUnderEnginePath(
      QueryStringDecoder qs, Map<String, List<String>> params) {
    return qs.rawPath().length() > options.path().length() && !params.containsKey("EIO");
  }

  private void route(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      RequestMeta meta) {
    boolean upgrade = isWebSocketUpgrade(req);
    Request r = new Request(ctx, req, params, meta, upgrade);
    String transport = single(params, "transport");
    if (transport == null || !options.transports().contains(transport)) {
      fail(r, EngineError.UNKNOWN_TRANSPORT, null);
      return;
    }
    String origin = meta.origin();
    if (origin != null && HeaderChars.invalid(origin)) {
      fail(r, EngineError.BAD_REQUEST, null);
      return;
    }
    List<String> sids = params.get("sid");
    if (origin != null && (sids == null || upgrade) && refusedOrigin(origin)) {
      // cross-site WebSocket hijacking: browsers apply no CORS to WebSockets, so the allow-list
      // is enforced on every handshake and upgrade that says where it comes from
      log.debug("refused a handshake or upgrade from origin {}", origin);
      fail(r, EngineError.FORBIDDEN, null);
      return;
    }
    if (sids != null) {
      String sid = sids.size() == 1 ? sids.get(0) : null;
      EngineSession session = server.registry().get(sid);
      if (session == null
          && !upgrade
          && req.method().equals(HttpMethod.GET)
          && EngineOptions.POLLING.equals(transport)
          && server.registry().takeClientClose(sid)) {
        // the poll the client sent before its CLOSE packet overtook it: end it quietly
        responder.send(
            ctx.channel(),
            meta,
            HttpResponder.text(
                HttpResponseStatus.OK,
                "text/plain; charset=UTF-8",
                "3".equals(single(params, "EIO")) ? "1:6" : "6"));
      } else if (session == null) {
        fail(r, EngineError.UNKNOWN_SID, null);
      } else if (upgrade) {
        if (!EngineOptions.WEBSOCKET.equals(transport)) {
          fail(r, EngineError.BAD_REQUEST, null);
        } else {
          // like the official server, a refused upgrade (already upgraded or upgrading) completes
          // the WebSocket handshake and is then closed by the session
          WebSocketUpgrader.upgrade(server, ctx, req, session, meta);
        }
      } else if (!transport.equals(session.transport())) {
        fail(r, EngineError.BAD_REQUEST, null);
      } else {
        onPollingRequest(ctx.channel(), req, meta, session);
      }
      return;
    }
    if (!req.method().equals(HttpMethod.GET)) {
      fail(r, EngineError.BAD_HANDSHAKE_METHOD, null);
      return;
    }
    if (EngineOptions.WEBSOCKET.equals(transport) != upgrade) {
      fail(r, EngineError.BAD_REQUEST, null);
      return;
    }
    if (!EngineRoutes.supportedVersion(options, params)) {
      fail(r, EngineError.UNSUPPORTED_PROTOCOL_VERSION, null);
      return;
    }
    HandshakeRequest handshake =
        meta.view() != null ? meta.view() : HandshakeRequests.of(req, params, ctx.channel());
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

  private boolean refusedOrigin(String origin) {
    CorsOptions cors = options.cors();
    return cors != null && cors.checkOrigin() && !cors.allows(origin);
  }

  /** The official {@code handshake}: an id (maybe from {@code generateId}), then the session. */
  private void handshake(Request r, HandshakeRequest handshake) {
    CompletionStage<String> id = hooks().generateId(handshake, server::newId);
    if (id instanceof java.util.concurrent.CompletableFuture<String> done && done.isDone()) {
      String value = done.exceptionally(e -> null).join();
      if (value == null) id.whenComplete((v, e) -> refuseId(r, e));
      else handshake(r, handshake, value);
      return;
    }
    r.req.retain();
    id.whenComplete(
        (value, error) ->
            r.ctx
                .executor()
                .execute(
                    () -> {
                      try {
                        if (error != null) refuseId(r, error);
                        else if (r.ctx.channel().isActive()) handshake(r, handshake, value);
                      } finally {
                        r.req.release();
                      }
                    }));
  }

  private void refuseId(Request r, Throwable error) {
    log.debug("generateId failed: {}", String.valueOf(error));
    fail(r, EngineError.BAD_REQUEST, null);
  }

  private void handshake(Request r, HandshakeRequest handshake, String id) {
    if (server.idInUse(id)) {
      refuseId(r, new IllegalArgumentException("session id in use: " + id));
      return;
    }
    if (r.upgrade) {
      WebSocketUpgrader.handshake(server, r.ctx, r.req, handshake, id, r.meta.extraHeaders());
      return;
    }
    Channel channel = r.ctx.channel();
    EngineSession session = server.newSession(handshake, channel.eventLoop(), id);
    if (session == null) {
      refuseId(r, new IllegalArgumentException("session id in use: " + id));
      return;
    }
    PollingTransport polling = new PollingTransport(session, options);
    RequestMeta meta = r.meta.forHandshake(server.sidCookie(session.id()));
    NettyPollExchange get = new NettyPollExchange(channel, meta, responder);
    lastPollSession = session;
    lastPoll = get;
    session.open(polling, server.upgradesFrom(EngineOptions.POLLING));
    polling.onGet(get);
    server.fireConnection(session);
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
                if (p == null) refuseOnLoop(channel, meta);
                else p.onGet(get);
              });
    } else if (method.equals(HttpMethod.POST)) {
      byte[] body = io.netty.buffer.ByteBufUtil.getBytes(req.content());
      String contentType = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
      session
          .loop()
          .execute(
              () -> {
                PollingTransport p = session.pollingTransport();
                if (p == null) refuseOnLoop(channel, meta);
                else p.onPost(new NettyPollExchange(channel, meta, responder), contentType, body);
              });
    } else {
      responder.send(channel, meta, HttpResponder.empty(HttpResponseStatus.INTERNAL_SERVER_ERROR));
    }
  }

  private void refuseOnLoop(Channel channel, RequestMeta meta) {
    options.instrumentation().requestRefused(EngineError.BAD_REQUEST.code);
    responder.send(channel, meta, HttpResponder.error(EngineError.BAD_REQUEST, "Bad request"));
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
    options.instrumentation().requestRefused(error.code);
    server.fireConnectionError(error.code, message, r.req, r.params, r.ctx.channel());
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

  /** The only value of a parameter, or null when it is absent or repeated. */
  private static String single(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.size() != 1 ? null : v.get(0);
  }

  private static String jsonpIndex(Map<String, List<String>> params) {
    String j = single(params, "j");
    if (j == null) return null;
    // only digits are used, like the official server, so nothing script-like reaches the response
    String digits = j.replaceAll("[^0-9]", "");
    return digits.length() > 10 ? digits.substring(0, 10) : digits;
  }

  private record Request(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      Map<String, List<String>> params,
      RequestMeta meta,
      boolean upgrade) {}
}
