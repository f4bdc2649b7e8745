package io.sio4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The safety net itself: an unreleased buffer is reported, so a leaking test class would fail. (It
 * drains the report it provokes, so this class passes.)
 */
class LeakDetectionExtensionTest {

  @Test
  void buildRunsWithTheParanoidDetector() {
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
  }

  @Test
  void anUnreleasedBufferIsReported() {
    leakOne();
    List<String> leaks = LeakDetectionExtension.flushAndCollect();
    assertThat(leaks).isNotEmpty();
    assertThat(leaks.get(0)).contains("LEAK:");
  }

  @Test
  void releasedBuffersAreNotReported() {
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(16);
    buf.writeInt(42);
    buf.release();
    assertThat(LeakDetectionExtension.flushAndCollect()).isEmpty();
  }

  private static void leakOne() {
    ByteBuf buf = PooledByteBufAllocator.DEFAULT.buffer(16);
    buf.writeInt(42);
    // dropped without release(): Netty reports it once the buffer is garbage-collected
  }
}
