package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.sio4j.engine.EngineOptions;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EngineCodecV3;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket transport: one Engine.IO packet per (aggregated) frame. As a Netty handler it
 * decodes frames on the channel's event loop, releases them, and hands plain packets to the
 * session's event loop; as a {@link Transport} it writes the shared packet bytes as frames and
 * flushes once per batch.
 *
 * <p>Threading: the handler methods run on the channel's event loop; the {@link Transport} methods
 * on the session's. Frames are released here, after {@link #read}; outgoing frames carry a copy of
 * the shared packet bytes in a buffer of the channel's allocator, released by Netty after writing.
 * (A plain adapter rather than {@code SimpleChannelInboundHandler}: that one looks its type
 * parameter up on every construction, once per connection.)
 *
 * <p>Of the outbound operations it takes only {@code flush}, so that a new session's 101 and its
 * OPEN packet leave in one write ({@link #holdFlushes}); writes pass it by (Netty skips handlers
 * that do not override an operation).
 */
final class WebSocketTransport extends ChannelDuplexHandler {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");

  private final Channel channel;
  private final boolean base64;
  private volatile EngineSession session;
  private final Adapter adapter = new Adapter();
  private volatile boolean closing;

  /** Whether fragments are assembled (and validated) by handlers in front of this one. */
  private boolean assembling;

  /**
   * @param base64 whether the client asked ({@code b64} in its query) to receive binary messages as
   *     text frames {@code b<base64>}, as the official server's {@code supportsBinary} does
   * @param maxMessageBytes largest message accepted ({@code maxHttpBufferSize}): fragments are
   *     bounded by the aggregator, a single frame's length by the decoder, and an inflated
   *     permessage-deflate frame here
   */
  WebSocketTransport(Channel channel, boolean base64, int maxMessageBytes) {
    this.channel = channel;
    this.base64 = base64;
    this.maxMessageBytes = maxMessageBytes;
  }

  private final int maxMessageBytes;

  private volatile io.netty.channel.ChannelFuture handshakeFuture;

  void setHandshakeFuture(io.netty.channel.ChannelFuture f) {
    this.handshakeFuture = f;
  }

  /**
   * Completes when the 101 response has been written; handed out once and not kept (a promise per
   * connection for as long as it lives, issue 12).
   */
  io.netty.channel.ChannelFuture takeHandshakeFuture() {
    io.netty.channel.ChannelFuture f = handshakeFuture;
    handshakeFuture = null;
    return f;
  }

  /** Whether flushes stop here for now, and whether one did (see {@link #holdFlushes}). */
  private boolean holdingFlushes;

  private boolean flushHeld;

  /**
   * From now until {@link #releaseFlushes}, a flush of the channel stops here: what is written
   * stays in the channel's outbound buffer. A WebSocket-only handshake holds the 101 this way until
   * the new session's OPEN packet is written behind it, so that both leave in one write (one system
   * call and one TCP segment per connection less). Event loop only.
   */
  void holdFlushes() {
    holdingFlushes = true;
  }

  /**
   * Ends {@link #holdFlushes}; flushes nothing itself.
   *
   * @return whether a flush was held meanwhile, i.e. whether the caller owes the channel one
   */
  boolean releaseFlushes() {
    holdingFlushes = false;
    boolean held = flushHeld;
    flushHeld = false;
    return held;
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (holdingFlushes) {
      flushHeld = true;
      return;
    }
    ctx.flush();
  }

  /** Binds this connection to its session (before any frame is read). */
  void bind(EngineSession session) {
    this.session = session;
  }

  Transport transport() {
    return adapter;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (!frame.isFinalFragment() && !assembling) {
      assembleFragments(ctx, frame);
      return;
    }
    try {
      read(ctx, frame);
    } finally {
      frame.release();
    }
  }

  /**
   * The first fragment of a fragmented message: from now on this connection's frames pass through
   * Netty's UTF-8 validator (RFC 6455 8.1, close 1007) and a fragment aggregator capped in size and
   * fragment count, placed in front of this handler; this first fragment is handed to them. Clients
   * seldom fragment (browsers and the npm client send whole frames), so connections that never do
   * keep two handlers and two pipeline hops per frame less.
   */
  private void assembleFragments(ChannelHandlerContext ctx, WebSocketFrame first) {
    if (first instanceof ContinuationWebSocketFrame) {
      // the frame decoder refuses a continuation outside a message; kept as a guard
      first.release();
      exceptionCaught(
          ctx,
          new CorruptedWebSocketFrameException(
              WebSocketCloseStatus.PROTOCOL_ERROR, "continuation without a message"));
      return;
    }
    assembling = true;
    ChannelPipeline p = ctx.pipeline();
    Utf8FrameValidator utf8 = new Utf8FrameValidator(false);
    p.addBefore(ctx.name(), "ws-utf8", utf8);
    p.addBefore(
        ctx.name(),
        "ws-aggregator",
        new LimitedFrameAggregator(maxMessageBytes, WebSocketUpgrader.FRAGMENT_LIMIT));
    ChannelHandlerContext utf8Context = p.context(utf8);
    try {
      utf8.channelRead(utf8Context, first);
    } catch (Exception e) {
      utf8Context.fireExceptionCaught(e);
    }
  }

  private void read(ChannelHandlerContext ctx, WebSocketFrame frame) {
    EngineSession s = session;
    if (s == null) return;
    if ((frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)
        && frame.content().readableBytes() > maxMessageBytes) {
      exceptionCaught(ctx, new TooLongFrameException("inflated message too large"));
      return;
    }
    if (frame instanceof TextWebSocketFrame text) {
      // a whole frame that did not go through the validator (RFC 6455 8.1: close 1007)
      if (!assembling && !ByteBufUtil.isText(text.content(), StandardCharsets.UTF_8)) {
        exceptionCaught(
            ctx,
            new CorruptedWebSocketFrameException(
                WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "text frame is not UTF-8"));
        return;
      }
      EnginePacket packet;
      try {
        packet = s.protocol() == 3 ? EngineCodecV3.decodeText(text.text()) : decodeV4(text);
      } catch (ProtocolException e) {
        String why = e.getMessage();
        onSessionLoop(s, () -> s.onParseError(adapter, why));
        return;
      }
      // the common case without a task (the session normally lives on the channel's loop)
      if (s.loop().inEventLoop()) s.onPacket(adapter, packet);
      else s.eventLoop().execute(() -> s.onPacket(adapter, packet));
    } else if (frame instanceof BinaryWebSocketFrame) {
      byte[] bytes = ByteBufUtil.getBytes(frame.content());
      EnginePacket packet;
      try {
        packet =
            s.protocol() == 3
                ? EngineCodecV3.decodeBinaryFrame(bytes)
                : EngineCodec.decodeBinaryFrame(bytes);
      } catch (ProtocolException e) {
        String why = e.getMessage();
        onSessionLoop(s, () -> s.onParseError(adapter, why));
        return;
      }
      onSessionLoop(s, () -> s.onPacket(adapter, packet));
    } else if (frame instanceof PingWebSocketFrame) {
      ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
    } else if (frame instanceof CloseWebSocketFrame) {
      ctx.writeAndFlush(closeFrame(ctx.alloc(), WebSocketCloseStatus.NORMAL_CLOSURE))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * A v4 text frame {@code <digit><text>} decoded straight from the frame's bytes without the type
   * digit (one String, not the frame's then its tail); anything else ({@code b<base64>}, an unknown
   * type, an empty frame) goes through {@link EngineCodec#decodeTextFrame}.
   */
  private static EnginePacket decodeV4(TextWebSocketFrame frame) throws ProtocolException {
    ByteBuf content = frame.content();
    int n = content.readableBytes();
    if (n > 0) {
      int start = content.readerIndex();
      EnginePacketType type = EnginePacketType.fromCode((char) content.getByte(start));
      if (type != null) {
        return EnginePacket.of(type, content.toString(start + 1, n - 1, StandardCharsets.UTF_8));
      }
    }
    return EngineCodec.decodeTextFrame(frame.text());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    EngineSession s = session;
    if (s != null) onSessionLoop(s, () -> s.onTransportClose(adapter));
    super.channelInactive(ctx);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    EngineSession s = session;
    if (s != null && ctx.channel().isWritable()) onSessionLoop(s, s::flush);
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // bad frames (RSV bits, oversized, invalid UTF-8, unmasked...): the decoders only throw (they
    // do not close on a violation), so the close is sent here, with the code and no reason, like
    // the official server: the peer never learns an internal message or a limit. End this
    // connection only.
    EngineSession s = session;
    log.debug("session {}: websocket error: {}", s == null ? "-" : s.id(), cause.toString());
    if (ctx.channel().isActive() && !closing) {
      closing = true;
      WebSocketCloseStatus status;
      if (cause instanceof CorruptedWebSocketFrameException corrupted) {
        status = corrupted.closeStatus();
      } else if (cause instanceof TooLongFrameException
          || cause instanceof io.netty.handler.codec.compression.DecompressionException) {
        // a permessage-deflate message inflating past maxHttpBufferSize is too big, like any other
        status = WebSocketCloseStatus.MESSAGE_TOO_BIG;
      } else {
        status = WebSocketCloseStatus.PROTOCOL_ERROR;
      }
      ctx.writeAndFlush(closeFrame(ctx.alloc(), status)).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.close();
    }
    if (s != null) onSessionLoop(s, () -> s.onTransportError(adapter, cause.toString()));
  }

  /**
   * A close frame with the status code and an empty reason (as the official server sends), its two
   * bytes in a buffer of the channel's allocator (Netty's own constructor takes an unpooled direct
   * buffer, with its native allocation and cleaner, for every close).
   */
  static CloseWebSocketFrame closeFrame(ByteBufAllocator alloc, WebSocketCloseStatus status) {
    return new CloseWebSocketFrame(true, 0, alloc.buffer(2).writeShort(status.code()));
  }

  private static void onSessionLoop(EngineSession s, Runnable task) {
    if (s.loop().inEventLoop()) {
      task.run();
    } else {
      s.eventLoop().execute(task);
    }
  }

  /** The {@link Transport} view, used on the session's event loop. */
  private final class Adapter extends Transport {
    private boolean closed;

    @Override
    protected String name() {
      return EngineOptions.WEBSOCKET;
    }

    private int protocol() {
      EngineSession s = session;
      return s == null ? 4 : s.protocol();
    }

    @Override
    protected boolean writable() {
      return !closed && channel.isActive() && channel.isWritable();
    }

    @Override
    protected void send(List<WirePacket> packets) {
      // by index: the batches are random-access lists, and an iterator per flush is garbage
      for (int i = 0, n = packets.size(); i < n; i++) {
        WirePacket p = packets.get(i);
        WebSocketFrame frame;
        if (!p.isBinary()) {
          frame = new TextWebSocketFrame(payload(p.textBytes()));
        } else if (base64) {
          frame = new TextWebSocketFrame(payload(p.base64Frame(protocol())));
        } else {
          frame = new BinaryWebSocketFrame(payload(p.binaryFrame(protocol())));
        }
        channel.write(frame, channel.voidPromise());
      }
      channel.flush();
    }

    /**
     * The shared bytes copied into a buffer of the channel's allocator (issue 12): a wrapped heap
     * array cost a heap buffer, its reference count and, when the frame encoder copied it into the
     * pooled frame, an NIO slice of each side; between two pooled buffers the copy needs none. The
     * socket needs the bytes in direct memory anyway, so this is the one copy a wrapped array got
     * later. Released by the encoder once the frame is written.
     */
    private ByteBuf payload(byte[] bytes) {
      return channel.alloc().buffer(bytes.length).writeBytes(bytes);
    }

    @Override
    protected void close(Runnable onClosed) {
      if (!closed) {
        closed = true;
        if (channel.isActive() && !closing) {
          closing = true;
          channel
              .writeAndFlush(closeFrame(channel.alloc(), WebSocketCloseStatus.NORMAL_CLOSURE))
              .addListener(ChannelFutureListener.CLOSE);
        }
      }
      if (onClosed != null) onClosed.run();
    }

    @Override
    protected void discard() {
      closed = true;
    }

    @Override
    public String toString() {
      return "websocket " + channel;
    }
  }
}
