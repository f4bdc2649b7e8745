package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.sio4j.engine.EngineOptions;
import java.util.List;

/**
 * The pipeline of every connection, in order: TLS when on (the certificate current at accept time,
 * ALPN http/1.1 only; a peer that does not speak TLS fails the handshake and is closed); the
 * request guard (the idle close, headers and request timeouts, bodies in the memory budget, see
 * {@link RequestGuard}); HTTP codec with bounded request line and headers; gzip/deflate of
 * responses (httpCompression, built on first need, see {@link LazyCompressor}); permessage-deflate
 * negotiation (perMessageDeflate); request aggregation bounded by maxHttpBufferSize (413 beyond it,
 * the session is kept); the Engine.IO router. A WebSocket upgrade later swaps the HTTP handlers for
 * frame handlers (see {@link WebSocketUpgrader}).
 */
final class EngineChannelInitializer extends ChannelInitializer<SocketChannel> {
  /** Extra quiet time allowed beyond pingInterval + pingTimeout before a connection is closed. */
  static final long IDLE_MARGIN_MS = 5_000;

  private final NettyEngineServer server;
  private final HttpResponder responder;
  // per server, not per connection: the options are fixed (a Duration sum and a decoder config
  // per accepted connection were garbage)
  private final RequestGuard.Limits guardLimits;
  private final HttpDecoderConfig decoderConfig;

  EngineChannelInitializer(NettyEngineServer server, HttpResponder responder) {
    this.server = server;
    this.responder = responder;
    EngineOptions options = server.options();
    // a connection that sent nothing for longer than a heartbeat round can only be a dead or
    // idle-by-design one (a live client answers every ping, a polling client polls again)
    long idleMillis =
        options.pingInterval().plus(options.pingTimeout()).toMillis() + IDLE_MARGIN_MS;
    this.guardLimits = RequestGuard.Limits.of(options, idleMillis);
    // read by each decoder as it is built, never changed
    this.decoderConfig =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(options.maxHttpLineLength())
            .setMaxHeaderSize(options.maxHttpHeaderSize());
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    EngineOptions options = server.options();
    ChannelPipeline p = ch.pipeline();
    TlsContexts tls = server.tls();
    if (tls != null) p.addLast("tls", tls.newHandler(ch.alloc()));
    // the idle close (reads only: watching writes too would cost a promise and listener per
    // written frame), headersTimeout / requestTimeout, and request bodies in the memory budget
    RequestGuard guard = new RequestGuard(guardLimits);
    p.addLast(RequestGuard.BYTES, guard.bytes());
    p.addLast("http", new HttpServerCodec(decoderConfig));
    p.addLast(RequestGuard.MESSAGES, guard.messages());
    if (options.httpCompression()) {
      // built by the first request that may be answered compressed: never for a WebSocket
      p.addLast(LazyCompressor.NAME, new LazyCompressor(options.httpCompressionThreshold()));
    }
    if (options.perMessageDeflate()) {
      // Netty's inflater fails somewhat before its buffer is full (it asks for room for twice the
      // input left), so it gets twice maxHttpBufferSize; the transport refuses every message past
      // maxHttpBufferSize exactly (1009)
      int inflateCap = (int) Math.min(Integer.MAX_VALUE, 2L * options.maxHttpBufferSize() + 1024);
      p.addLast("ws-deflate", new WebSocketServerCompressionHandler(inflateCap));
    }
    // bounded by maxHttpBufferSize without pre-allocating what Content-Length announces; an
    // oversized POST gets 413 and its session goes on, like the official server (polling.ts)
    p.addLast("http-aggregator", new ExactHeadersAggregator(options.maxHttpBufferSize()));
    p.addLast("engine", new EngineRequestHandler(server, responder));
  }

  /**
   * Aggregates a request but leaves its headers as the client sent them: Netty's aggregator adds
   * {@code Content-Length} and drops {@code Transfer-Encoding: chunked}, which would then show in
   * the handshake's headers (issue 14). Handlers read the body from the aggregated content.
   */
  static final class ExactHeadersAggregator extends HttpObjectAggregator {
    private boolean hadContentLength;
    private List<String> transferEncoding;

    ExactHeadersAggregator(int maxContentLength) {
      super(maxContentLength, true);
    }

    @Override
    protected FullHttpMessage beginAggregation(HttpMessage start, ByteBuf content)
        throws Exception {
      hadContentLength = HttpUtil.isContentLengthSet(start);
      transferEncoding = start.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
      return super.beginAggregation(start, content);
    }

    @Override
    protected void finishAggregation(FullHttpMessage aggregated) throws Exception {
      super.finishAggregation(aggregated);
      if (!hadContentLength) aggregated.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
      if (!transferEncoding.isEmpty()) {
        aggregated.headers().set(HttpHeaderNames.TRANSFER_ENCODING, transferEncoding);
      }
    }
  }
}
