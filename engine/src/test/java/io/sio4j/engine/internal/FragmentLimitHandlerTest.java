package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;

/** Channel-level: the fragment cap passes ordinary messages and cuts floods, releasing frames. */
class FragmentLimitHandlerTest {
  @Test
  void passesMessagesWithinTheCap() {
    EmbeddedChannel ch = new EmbeddedChannel(new FragmentLimitHandler(3));
    for (int round = 0; round < 2; round++) {
      ch.writeInbound(new TextWebSocketFrame(false, 0, "4a"));
      ch.writeInbound(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
      ch.writeInbound(new ContinuationWebSocketFrame(false, 0, "b"));
      ch.writeInbound(new ContinuationWebSocketFrame(false, 0, "c"));
      ch.writeInbound(new ContinuationWebSocketFrame(true, 0, "d"));
      for (int i = 0; i < 5; i++) {
        WebSocketFrame f = ch.readInbound();
        assertThat(f).isNotNull();
        f.release();
      }
    }
    assertThat(ch.isActive()).isTrue();
    assertThat((Object) ch.readOutbound()).isNull();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void closesWith1009OverTheCap() {
    EmbeddedChannel ch = new EmbeddedChannel(new FragmentLimitHandler(3));
    ch.writeInbound(new TextWebSocketFrame(false, 0, "4a"));
    int written = 0;
    while (ch.isActive() && written < 10) {
      ch.writeInbound(new ContinuationWebSocketFrame(false, 0, "x"));
      written++;
    }
    // the cap counts unfinished fragments: the text frame and two continuations fit, the third
    // continuation is one too many
    assertThat(written).isEqualTo(3);
    int passed = 0;
    for (WebSocketFrame f; (f = ch.readInbound()) != null; passed++) f.release();
    assertThat(passed).isEqualTo(3);
    CloseWebSocketFrame close = ch.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1009);
    close.release();
    assertThat(ch.isActive()).isFalse();
    assertThat(ch.finish()).isFalse();
  }
}
