package io.sio4j.engine.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
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
 * big).
 *
 * <p>The aggregator itself joins the pipeline, right after this handler, when the first fragmented
 * message starts: most clients never fragment, and an idle connection then holds this small handler
 * only (issue 12: Netty's aggregator is 56 bytes per connection). Unfragmented frames pass straight
 * on, as they passed through the aggregator.
 *
 * <p>Threading: one instance per connection, on its event loop. Frames it drops are released here.
 */
final class LimitedFrameAggregator extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");
  private final int maxContentLength;
  private final int limit;
  private int fragments;
  private boolean aggregating; // the aggregator is in the pipeline (it stays once added)
  private boolean refused;

  /**
   * @param maxContentLength largest aggregated message, in bytes
   * @param limit most fragments one message may have
   */
  LimitedFrameAggregator(int maxContentLength, int limit) {
    this.maxContentLength = maxContentLength;
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
          ctx.writeAndFlush(WebSocketTransport.closeFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG))
              .addListener(ChannelFutureListener.CLOSE);
          return;
        }
        if (fragments > 0 && !aggregating) {
          aggregating = true;
          ctx.pipeline().addAfter(ctx.name(), null, new WebSocketFrameAggregator(maxContentLength));
        }
      }
    }
    ctx.fireChannelRead(msg);
  }

  private static boolean isControl(WebSocketFrame frame) {
    return frame instanceof PingWebSocketFrame || frame instanceof PongWebSocketFrame;
  }
}
