package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport's flush hold, which lets a new session's 101 and OPEN packet leave together. */
class WebSocketFlushHoldTest {
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final WebSocketTransport ws = new WebSocketTransport(channel, false, 1000);

  {
    channel.pipeline().addLast(ws);
  }

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void writesStayBufferedWhileHeldAndLeaveWithTheNextFlush() {
    ws.holdFlushes();
    channel.writeAndFlush("101");
    channel.writeAndFlush("OPEN");
    assertThat((Object) channel.readOutbound()).isNull();

    assertThat(ws.releaseFlushes()).as("a flush was held").isTrue();
    // releasing flushes nothing by itself: the caller's one flush takes both
    assertThat((Object) channel.readOutbound()).isNull();
    channel.flush();
    assertThat((Object) channel.readOutbound()).isEqualTo("101");
    assertThat((Object) channel.readOutbound()).isEqualTo("OPEN");
  }

  @Test
  void withoutAHoldFlushesPassAndNothingIsOwed() {
    channel.writeAndFlush("frame");
    assertThat((Object) channel.readOutbound()).isEqualTo("frame");
    ws.holdFlushes();
    assertThat(ws.releaseFlushes()).as("no flush came while held").isFalse();
    channel.writeAndFlush("next");
    assertThat((Object) channel.readOutbound()).isEqualTo("next");
  }
}
