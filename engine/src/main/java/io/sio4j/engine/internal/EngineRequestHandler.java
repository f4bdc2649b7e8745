package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HandshakeRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty host's HTTP side: plain requests go to the {@link io.sio4j.engine.HttpHandler};
 * Engine.IO requests go through {@link EngineRequestFlow} (the preflight, the middlewares, the
 * official server's checks, {@code allowRequest}, {@code generateId}, written once for every host)
 * and are carried out here: a handshake, a polling GET/POST, a WebSocket upgrade or a refusal.
 *
 * <p>Threading: one instance per connection, on the connection's event loop. The request is
 * released here once handled; the flow retains it across its asynchronous steps (middlewares,
 * {@code allowRequest}, {@code generateId}).
 */
final class EngineRequestHandler extends ChannelInboundHandlerAdapter {
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
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    // a plain adapter, not SimpleChannelInboundHandler: that one looks its type parameter up on
    // every construction, once per connection
    if (!(msg instanceof FullHttpRequest req)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      handle(ctx, req);
    } finally {
      req.release();
    }
  }

  private void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      refuseMalformed(ctx.channel(), req.decoderResult().cause());
      return;
    }
    if (!req.uri().startsWith(pathPrefix)) {
      PlainHttpDispatcher.dispatch(ctx.channel(), req, options.httpHandler(), responder);
      return;
    }
    QueryParameters params = QueryParameters.ofUri(req.uri());
    if (params == null) {
      responder.send(
          ctx.channel(),
          RequestMeta.of(req, null, null),
          HttpResponder.error(EngineError.BAD_REQUEST, EngineError.BAD_REQUEST.message));
      return;
    }
    // an Engine.IO request (EIO given) is never a file: its path is not cut out of the URI
    if (!params.containsKey("EIO") && EngineRoutes.isPlainFile(options, params.rawPath(), params)) {
      PlainHttpDispatcher.dispatch(ctx.channel(), req, options.httpHandler(), responder);
      return;
    }
    EngineHooks hooks = server.hooks();
    HandshakeRequest view =
        hooks.hasMiddlewares() || hooks.hasHeaderListeners()
            ? HandshakeRequests.of(req, params, ctx.channel())
            : null;
    RequestMeta meta = RequestMeta.of(req, EngineRoutes.jsonpIndex(params), view);
    EngineRequestFlow.run(server.core(), new NettyRequest(ctx, req, params, meta));
  }

  /**
   * One Engine.IO request on this connection, carried out for {@link EngineRequestFlow}. The
   * request is released by {@link #channelRead} once handled; the flow retains it across its
   * asynchronous steps.
   */
  private final class NettyRequest implements EngineRequestFlow.Host {
    private final ChannelHandlerContext ctx;
    private final FullHttpRequest req;
    private final Map<String, List<String>> params;
    private final RequestMeta meta;
    private final boolean upgrade;
    private HandshakeRequest view;

    NettyRequest(
        ChannelHandlerContext ctx,
        FullHttpRequest req,
        Map<String, List<String>> params,
        RequestMeta meta) {
      this.ctx = ctx;
      this.req = req;
      this.params = params;
      this.meta = meta;
      this.upgrade = isWebSocketUpgrade(req);
      this.view = meta.view();
    }

    @Override
    public String method() {
      return req.method().name();
    }

    @Override
    public Map<String, List<String>> params() {
      return params;
    }

    @Override
    public boolean upgrade() {
      return upgrade;
    }

    @Override
    public String origin() {
      return meta.origin();
    }

    @Override
    public String uri() {
      return req.uri();
    }

    @Override
    public synchronized HandshakeRequest view() {
      if (view == null) view = HandshakeRequests.of(req, params, ctx.channel());
      return view;
    }

    @Override
    public Executor executor() {
      return ctx.executor();
    }

    @Override
    public boolean open() {
      return ctx.channel().isActive();
    }

    @Override
    public void retain() {
      req.retain();
    }

    @Override
    public void release() {
      req.release();
    }

    @Override
    public Runnable whenGone(Runnable onGone) {
      GenericFutureListener<Future<Void>> listener = f -> onGone.run();
      ctx.channel().closeFuture().addListener(listener);
      return () -> ctx.channel().closeFuture().removeListener(listener);
    }

    @Override
    public void preflight() {
      responder.preflight(
          ctx.channel(), meta, req.headers().get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS));
    }

    @Override
    public void respond(
        int status, Map<String, List<String>> headers, String contentType, String body) {
      var res =
          HttpResponder.text(
              HttpResponseStatus.valueOf(status), contentType, body == null ? "" : body);
      RequestMeta m = meta.withExtraHeaders(headers);
      if (upgrade) {
        // the connection is dropped after the answer: no keep-alive, no CORS
        m = new RequestMeta(m.version(), false, null, null, null, null, false, headers);
      }
      responder.send(ctx.channel(), m, res);
    }

    @Override
    public void refuse(EngineError error, String message, Map<String, List<String>> headers) {
      Channel channel = ctx.channel();
      if (upgrade) {
        // like the official server: a plain 400 with the message, then the connection is dropped
        ByteBuf body = Unpooled.copiedBuffer(message, StandardCharsets.UTF_8);
        var res = HttpResponder.response(HttpResponseStatus.BAD_REQUEST, "text/html", body);
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        channel.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
      } else {
        responder.send(
            channel, meta.withExtraHeaders(headers), HttpResponder.error(error, message));
      }
    }

    @Override
    public void closedPoll(String body, Map<String, List<String>> headers) {
      responder.send(
          ctx.channel(),
          meta.withExtraHeaders(headers),
          HttpResponder.text(HttpResponseStatus.OK, "text/plain; charset=UTF-8", body));
    }

    @Override
    public void poll(EngineSession session, Map<String, List<String>> headers) {
      onPollingRequest(ctx.channel(), req, meta.withExtraHeaders(headers), session);
    }

    @Override
    public void upgrade(EngineSession session, Map<String, List<String>> headers) {
      // like the official server, a refused upgrade (already upgraded or upgrading) completes
      // the WebSocket handshake and is then closed by the session
      WebSocketUpgrader.upgrade(server, ctx, req, params, session, meta.withExtraHeaders(headers));
    }

    @Override
    public void handshake(
        HandshakeRequest handshake, String id, Map<String, List<String>> headers) {
      if (upgrade) {
        WebSocketUpgrader.handshake(server, ctx, req, params, handshake, id, headers);
        return;
      }
      Channel channel = ctx.channel();
      EngineSession session = server.newSession(handshake, channel.eventLoop(), id);
      if (session == null) {
        EngineRequestFlow.refuseId(
            server.core(), this, new IllegalArgumentException("session id in use: " + id), headers);
        return;
      }
      PollingTransport polling = new PollingTransport(session, options);
      RequestMeta m = meta.withExtraHeaders(headers).forHandshake(server.sidCookie(session.id()));
      NettyPollExchange get = new NettyPollExchange(channel, m, responder);
      lastPollSession = session;
      lastPoll = get;
      session.open(polling, server.upgradesFrom(EngineOptions.POLLING));
      polling.onGet(get);
      server.fireConnection(session);
    }
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

  /** A GET asking for {@code Upgrade: websocket}. */
  static boolean isWebSocketUpgrade(HttpRequest req) {
    // any other Upgrade (h2c, ...) is ignored, as HTTP/1.1 allows: the request is served as is
    return req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
        && req.method().equals(HttpMethod.GET);
  }
}
