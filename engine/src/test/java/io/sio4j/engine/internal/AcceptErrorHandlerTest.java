package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A repeating accept failure pauses accepting and is logged once a minute with a count. */
class AcceptErrorHandlerTest {
  @Test
  void repeatedAcceptFailuresAreLoggedOnceAMinuteWithTheSuppressedCount() {
    AtomicLong clock = new AtomicLong();
    List<String> lines = new ArrayList<>();
    EmbeddedChannel server = new EmbeddedChannel(new AcceptErrorHandler(clock::get, lines::add));
    IOException tooMany = new IOException("Too many open files");
    for (int i = 0; i < 120; i++) {
      server.config().setAutoRead(true);
      server.pipeline().fireExceptionCaught(tooMany);
      assertThat(server.config().isAutoRead()).isFalse(); // paused each time
      clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(400)); // 48 s in all
    }
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("Too many open files").doesNotContain("more since");
    clock.addAndGet(TimeUnit.SECONDS.toNanos(12));
    server.pipeline().fireExceptionCaught(tooMany);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).contains("119 more since the last report");
    // the error never reaches the pipeline's tail (which would log it again)
    server.checkException();
    assertThat(server.finish()).isFalse();
  }
}
