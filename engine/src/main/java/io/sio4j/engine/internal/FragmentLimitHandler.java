package io.sio4j.engine.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the number of fragments in one WebSocket message, so a flood of tiny continuation frames
 * cannot make the aggregator do quadratic work or hold thousands of buffers (CVE-2026-48779 in ws).
 * Over the cap the connection is closed with 1009 (message too big).
 *
 * <p>Threading: one instance per connection, on its event loop. Frames it drops are released here.
 */
final class FragmentLimitHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");
  private final int limit;
  private int fragments;
  private boolean refused;

  FragmentLimitHandler(int limit) {
    this.limit = limit;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
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
      }
    }
    ctx.fireChannelRead(msg);
  }

  private static boolean isControl(WebSocketFrame frame) {
    return frame instanceof io.netty.handler.codec.http.websocketx.PingWebSocketFrame
        || frame instanceof io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
  }
}
