package io.sio4j.engine.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty's frame aggregator with a cap on the number of fragments in one WebSocket message, so a
 * flood of tiny continuation frames cannot make the aggregation do quadratic work or hold thousands
 * of buffers (CVE-2026-48779 in ws). Over the cap the connection is closed with 1009 (message too
 * big). The cap is checked here rather than in a handler of its own: one pipeline hop less for
 * every frame read. {@link WebSocketTransport} puts it (after Netty's UTF-8 validator) in front of
 * itself when a connection's first fragmented message starts; a connection that never fragments
 * never has one.
 *
 * <p>Threading: one instance per connection, on its event loop. Frames it drops are released here.
 */
final class LimitedFrameAggregator extends WebSocketFrameAggregator {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");
  private final int limit;
  private int fragments;
  private boolean refused;

  /**
   * @param maxContentLength largest aggregated message, in bytes
   * @param limit most fragments one message may have
   */
  LimitedFrameAggregator(int maxContentLength, int limit) {
    super(maxContentLength);
    this.limit = limit;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof WebSocketFrame frame && !(frame instanceof CloseWebSocketFrame)) {
      boolean data = frame instanceof ContinuationWebSocketFrame || !isControl(frame);
      if (data) {
        fragments = frame.isFinalFragment() ? 0 : fragments + 1;
        if (fragments > limit) {
          refused = true;
          ReferenceCountUtil.release(msg);
          log.debug("{}: more than {} fragments in one message, closing", ctx.channel(), limit);
          ctx.writeAndFlush(
                  WebSocketTransport.closeFrame(ctx.alloc(), WebSocketCloseStatus.MESSAGE_TOO_BIG))
              .addListener(ChannelFutureListener.CLOSE);
          return;
        }
      }
    }
    super.channelRead(ctx, msg);
  }

  private static boolean isControl(WebSocketFrame frame) {
    return frame instanceof PingWebSocketFrame || frame instanceof PongWebSocketFrame;
  }
}
