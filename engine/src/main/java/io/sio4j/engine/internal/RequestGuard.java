package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.MemoryBudget;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards one HTTP connection's requests while they arrive (issue 14): the request line and headers
 * must arrive within {@code headersTimeout} and the whole request within {@code requestTimeout},
 * both counted from the request's first byte, as Node's {@code headersTimeout} / {@code
 * requestTimeout} do; a connection past either is closed (trickling a request at 1 byte/s no longer
 * holds a socket for as long as the peer likes). The body bytes being aggregated (at most {@code
 * maxHttpBufferSize}) count in the memory budget until the request has been handled; a body that
 * does not fit is refused with {@code 503} and the connection closed.
 *
 * <p>Two handlers share this state: {@link #bytes()} before the HTTP codec sees the first byte of a
 * request, {@link #messages()} after it sees the headers and body end. A WebSocket upgrade removes
 * both ({@link #removeFrom}).
 *
 * <p>Threading: confined to the channel's event loop.
 */
final class RequestGuard {
  static final String BYTES = "request-start";
  static final String MESSAGES = "request-guard";
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private final long headersMillis;
  private final long requestMillis;
  private final int maxBody;
  private final MemoryBudget budget;
  private final Bytes bytes = new Bytes();
  private final Messages messages = new Messages();

  private boolean inRequest;
  private boolean refused;
  private long bodyBytes;
  private ScheduledFuture<?> headersTimer;
  private ScheduledFuture<?> requestTimer;

  RequestGuard(EngineOptions options) {
    this.headersMillis = options.headersTimeout().toMillis();
    this.requestMillis = options.requestTimeout().toMillis();
    this.maxBody = options.maxHttpBufferSize();
    this.budget = options.memoryBudget();
  }

  ChannelInboundHandlerAdapter bytes() {
    return bytes;
  }

  ChannelInboundHandlerAdapter messages() {
    return messages;
  }

  /** Takes the guard out of a pipeline that stops speaking HTTP (a WebSocket upgrade). */
  static void removeFrom(ChannelPipeline p) {
    if (p.get(BYTES) instanceof Bytes b) b.guard().stop();
    if (p.get(BYTES) != null) p.remove(BYTES);
    if (p.get(MESSAGES) != null) p.remove(MESSAGES);
  }

  private void start(ChannelHandlerContext ctx) {
    inRequest = true;
    headersTimer =
        ctx.executor().schedule(() -> expire(ctx, "headers"), headersMillis, TimeUnit.MILLISECONDS);
    requestTimer =
        ctx.executor().schedule(() -> expire(ctx, "request"), requestMillis, TimeUnit.MILLISECONDS);
  }

  private void expire(ChannelHandlerContext ctx, String what) {
    log.debug("{} timeout on {}: closing", what, ctx.channel());
    stop();
    ctx.channel().close();
  }

  /** The request was handled (or the connection ends): timers off, body bytes released. */
  private void stop() {
    inRequest = false;
    if (headersTimer != null) headersTimer.cancel(false);
    if (requestTimer != null) requestTimer.cancel(false);
    headersTimer = null;
    requestTimer = null;
    budget.release(bodyBytes);
    bodyBytes = 0;
  }

  private final class Bytes extends ChannelInboundHandlerAdapter {
    RequestGuard guard() {
      return RequestGuard.this;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (!inRequest && msg instanceof ByteBuf b && b.isReadable()) start(ctx);
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      stop();
      super.channelInactive(ctx);
    }
  }

  private final class Messages extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (refused) {
        ReferenceCountUtil.release(msg);
        return;
      }
      if (msg instanceof HttpRequest) {
        if (!inRequest) start(ctx);
        if (headersTimer != null) headersTimer.cancel(false);
        headersTimer = null;
      }
      if (msg instanceof HttpContent c) {
        // only what the aggregator keeps (it discards past maxHttpBufferSize and answers 413)
        long n = Math.min(c.content().readableBytes(), Math.max(0, maxBody - bodyBytes));
        if (n > 0) {
          if (!budget.tryAdd(n)) {
            refuse(ctx, msg);
            return;
          }
          bodyBytes += n;
        }
      }
      if (msg instanceof LastHttpContent) {
        try {
          ctx.fireChannelRead(msg);
        } finally {
          stop();
        }
        return;
      }
      ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
      refused = true;
      stop();
      log.debug("memory budget full: refusing a request body on {}", ctx.channel());
      FullHttpResponse res =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.SERVICE_UNAVAILABLE, Unpooled.EMPTY_BUFFER);
      res.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
