package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.EmptyByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
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
 * Guards one HTTP connection while it speaks HTTP. Idle: a connection that reads nothing for {@code
 * idleMillis} (a heartbeat round and a margin) is closed, between requests as before the first.
 * Slow requests (issue 14): the request line and headers must arrive within {@code headersTimeout}
 * and the whole request within {@code requestTimeout}, both counted from the request's first byte,
 * as Node's {@code headersTimeout} / {@code requestTimeout} do; a connection past either is closed
 * (trickling a request at 1 byte/s no longer holds a socket for as long as the peer likes). The
 * body bytes being aggregated (at most {@code maxHttpBufferSize}) count in the memory budget until
 * the request has been handled; a body that does not fit is refused with {@code 503} and the
 * connection closed.
 *
 * <p>The three deadlines share one timer (issue 12: a timer costs a task, a queue insert and a
 * removal per connection, and a WebSocket connection drops all three at its upgrade). It is set at
 * the earliest deadline known when it is scheduled; a later read or request start does not move it:
 * when it fires it checks the deadlines and sets itself again for the next one, so a busy
 * connection costs no timer churn.
 *
 * <p>Two handlers share this state: {@link #bytes()} before the HTTP codec sees the reads and the
 * first byte of a request, {@link #messages()} after it sees the headers and body end. A WebSocket
 * upgrade removes both ({@link #removeFrom}).
 *
 * <p>Threading: confined to the channel's event loop.
 */
final class RequestGuard {
  static final String BYTES = "request-start";
  static final String MESSAGES = "request-guard";

  /**
   * The empty body of a whole request on a channel with the default allocator (shared: immutable).
   */
  private static final ByteBuf EMPTY_DEFAULT = new EmptyByteBuf(ByteBufAllocator.DEFAULT);

  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  /**
   * The server's limits, shared by all its connections (issue 12: a copy of each in every guard was
   * 28 bytes per connection).
   *
   * @param idleNanos how long a connection may read nothing before it is closed
   * @param headersNanos headersTimeout
   * @param requestNanos requestTimeout
   * @param maxBody maxHttpBufferSize
   * @param budget the memory budget request bodies count in
   */
  record Limits(
      long idleNanos, long headersNanos, long requestNanos, int maxBody, MemoryBudget budget) {
    /**
     * @param idleMillis how long a connection may read nothing before it is closed
     */
    static Limits of(EngineOptions options, long idleMillis) {
      return new Limits(
          TimeUnit.MILLISECONDS.toNanos(idleMillis),
          options.headersTimeout().toNanos(),
          options.requestTimeout().toNanos(),
          options.maxHttpBufferSize(),
          options.memoryBudget());
    }
  }

  private final Limits limits;
  private final Bytes bytes = new Bytes();
  private final Messages messages = new Messages();

  private ChannelHandlerContext ctx;
  private boolean started;
  private boolean stopped;

  /** Inside a read burst: not idle, whatever the time of the last complete read. */
  private boolean reading;

  private long lastRead;
  private boolean inRequest;
  private boolean awaitingHeaders;
  private long requestStart;
  private boolean refused;
  private long bodyBytes;
  private ScheduledFuture<?> timer;
  private long timerAt;

  RequestGuard(Limits limits) {
    this.limits = limits;
  }

  ChannelInboundHandlerAdapter bytes() {
    return bytes;
  }

  ChannelInboundHandlerAdapter messages() {
    return messages;
  }

  /** Takes the guard out of a pipeline that stops speaking HTTP (a WebSocket upgrade). */
  static void removeFrom(ChannelPipeline p) {
    if (p.get(BYTES) instanceof Bytes b) b.guard().end();
    if (p.get(BYTES) != null) p.remove(BYTES);
    if (p.get(MESSAGES) != null) p.remove(MESSAGES);
  }

  /** The connection is up: the idle watch starts (once). */
  private void begin(ChannelHandlerContext ctx) {
    if (started || stopped) return;
    started = true;
    this.ctx = ctx;
    lastRead = System.nanoTime();
    schedule(lastRead + limits.idleNanos);
  }

  /** The connection ends or stops speaking HTTP: no timer, no bytes held. */
  private void end() {
    stopped = true;
    requestDone();
    if (timer != null) timer.cancel(false);
    timer = null;
  }

  private void schedule(long at) {
    timerAt = at;
    // the bytes handler is the task (a method reference would be one more object per connection)
    timer = ctx.executor().schedule(bytes, at - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  private void requestStart() {
    inRequest = true;
    awaitingHeaders = true;
    requestStart = System.nanoTime();
    long due = requestStart + Math.min(limits.headersNanos, limits.requestNanos);
    // the timer fires no later than the new deadline (rarely moved: the idle deadline is earlier)
    if (timer != null && due - timerAt < 0) {
      timer.cancel(false);
      schedule(due);
    }
  }

  private void onTimer() {
    timer = null;
    if (stopped) return;
    long now = System.nanoTime();
    long idleNanos = limits.idleNanos;
    long headersNanos = limits.headersNanos;
    long requestNanos = limits.requestNanos;
    if (inRequest && awaitingHeaders && now - requestStart >= headersNanos) {
      expire("headers");
      return;
    }
    if (inRequest && now - requestStart >= requestNanos) {
      expire("request");
      return;
    }
    if (!reading && now - lastRead >= idleNanos) {
      // idle for a heartbeat round and more: dead, or idle by design
      end();
      ctx.close();
      return;
    }
    long next = (reading ? now : lastRead) + idleNanos;
    if (inRequest) {
      if (awaitingHeaders) next = Math.min(next, requestStart + headersNanos);
      next = Math.min(next, requestStart + requestNanos);
    }
    schedule(next);
  }

  private void expire(String what) {
    log.debug("{} timeout on {}: closing", what, ctx.channel());
    end();
    ctx.channel().close();
  }

  /** The request was handled (or the connection ends): its deadlines off, body bytes released. */
  private void requestDone() {
    inRequest = false;
    awaitingHeaders = false;
    limits.budget.release(bodyBytes);
    bodyBytes = 0;
  }

  private final class Bytes extends ChannelInboundHandlerAdapter implements Runnable {
    RequestGuard guard() {
      return RequestGuard.this;
    }

    /** The timer fired. */
    @Override
    public void run() {
      onTimer();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      if (ctx.channel().isActive() && ctx.channel().isRegistered()) begin(ctx);
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) throws Exception {
      if (ctx.channel().isActive()) begin(ctx);
      super.channelRegistered(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      begin(ctx);
      super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      reading = true;
      if (!inRequest && !stopped && msg instanceof ByteBuf b && b.isReadable()) requestStart();
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
      if (reading) {
        lastRead = System.nanoTime();
        reading = false;
      }
      ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      end();
      super.channelInactive(ctx);
    }
  }

  private final class Messages extends ChannelInboundHandlerAdapter {
    /** A request without a body, waiting for its (empty) end to be passed on whole. */
    private HttpRequest bodiless;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
      if (refused) {
        ReferenceCountUtil.release(msg);
        return;
      }
      if (bodiless != null) {
        HttpRequest start = bodiless;
        bodiless = null;
        if (msg instanceof LastHttpContent end
            && !end.content().isReadable()
            && end.trailingHeaders().isEmpty()) {
          end.release();
          try {
            ctx.fireChannelRead(whole(start, ctx.alloc()));
          } finally {
            requestDone();
          }
          return;
        }
        ctx.fireChannelRead(start); // not what its headers said: the aggregator takes it as sent
      }
      if (msg instanceof HttpRequest) {
        if (!inRequest && !stopped) requestStart();
        awaitingHeaders = false;
        if (msg instanceof HttpRequest req && !(msg instanceof HttpContent) && withoutBody(req)) {
          bodiless = req;
          return;
        }
      }
      if (msg instanceof HttpContent c) {
        // only what the aggregator keeps (it discards past maxHttpBufferSize and answers 413)
        long n = Math.min(c.content().readableBytes(), Math.max(0, limits.maxBody - bodyBytes));
        if (n > 0) {
          if (!limits.budget.tryAdd(n)) {
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
          requestDone();
        }
        return;
      }
      ctx.fireChannelRead(msg);
    }

    /**
     * A GET, a WebSocket upgrade or a preflight: no Content-Length, no Transfer-Encoding and no
     * Expect, so the decoder's next message is its empty end. Such a request is passed on as one
     * {@link FullHttpRequest} with an empty body, which the aggregator lets through as it is: no
     * composite buffer and aggregated copy per request (issue 12), and its headers stay as sent.
     */
    private static boolean withoutBody(HttpRequest req) {
      HttpHeaders h = req.headers();
      return req.decoderResult().isSuccess()
          && !h.contains(HttpHeaderNames.CONTENT_LENGTH)
          && !h.contains(HttpHeaderNames.TRANSFER_ENCODING)
          && !h.contains(HttpHeaderNames.EXPECT);
    }

    /**
     * The request as one message. Its empty body belongs to the channel's allocator, not to {@code
     * Unpooled}: Netty's WebSocket handshaker makes the 101's body with {@code
     * req.content().alloc()}, which would otherwise be an unpooled direct buffer, with its cleaner,
     * per upgrade (issue 12).
     */
    private static FullHttpRequest whole(HttpRequest start, ByteBufAllocator alloc) {
      FullHttpRequest full =
          new DefaultFullHttpRequest(
              start.protocolVersion(),
              start.method(),
              start.uri(),
              alloc == ByteBufAllocator.DEFAULT ? EMPTY_DEFAULT : new EmptyByteBuf(alloc),
              start.headers(),
              EmptyHttpHeaders.INSTANCE);
      full.setDecoderResult(start.decoderResult());
      return full;
    }

    private void refuse(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
      refused = true;
      requestDone();
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
