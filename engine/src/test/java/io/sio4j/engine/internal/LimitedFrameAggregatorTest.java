package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Channel-level: the fragment cap passes ordinary messages and cuts floods, releasing frames. */
class LimitedFrameAggregatorTest {
  @Test
  void aggregatesMessagesWithinTheCap() {
    EmbeddedChannel ch = new EmbeddedChannel(new LimitedFrameAggregator(1024, 3));
    for (int round = 0; round < 2; round++) {
      ch.writeInbound(new TextWebSocketFrame(false, 0, "4a"));
      ch.writeInbound(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
      ch.writeInbound(new ContinuationWebSocketFrame(false, 0, "b"));
      ch.writeInbound(new ContinuationWebSocketFrame(false, 0, "c"));
      ch.writeInbound(new ContinuationWebSocketFrame(true, 0, "d"));
      // the ping passes through at once; the four fragments come out as one message
      WebSocketFrame ping = ch.readInbound();
      assertThat(ping).isInstanceOf(PingWebSocketFrame.class);
      ping.release();
      TextWebSocketFrame text = ch.readInbound();
      assertThat(text.isFinalFragment()).isTrue();
      assertThat(text.text()).isEqualTo("4abcd");
      text.release();
      assertThat((Object) ch.readInbound()).isNull();
    }
    assertThat(ch.isActive()).isTrue();
    assertThat((Object) ch.readOutbound()).isNull();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void closesWith1009OverTheCap() {
    // stands for the transport, which sees what the aggregator reports when the channel closes
    List<Throwable> errors = new ArrayList<>();
    ChannelInboundHandlerAdapter errorSink =
        new ChannelInboundHandlerAdapter() {
          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            errors.add(cause);
          }
        };
    EmbeddedChannel ch = new EmbeddedChannel(new LimitedFrameAggregator(1024, 3), errorSink);
    ch.writeInbound(new TextWebSocketFrame(false, 0, "4a"));
    int written = 0;
    while (ch.isActive() && written < 10) {
      ch.writeInbound(new ContinuationWebSocketFrame(false, 0, "x"));
      written++;
    }
    // the cap counts unfinished fragments: the text frame and two continuations fit, the third
    // continuation is one too many
    assertThat(written).isEqualTo(3);
    // nothing complete was passed on, and the partial message was released (leak detector)
    assertThat((Object) ch.readInbound()).isNull();
    CloseWebSocketFrame close = ch.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1009);
    close.release();
    assertThat(ch.isActive()).isFalse();
    assertThat(ch.finish()).isFalse();
    // the unfinished message is dropped (and released) when the channel closes, as Netty reports
    assertThat(errors).singleElement().isInstanceOf(PrematureChannelClosureException.class);
  }
}
