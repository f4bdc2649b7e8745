package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.MemoryBudget;
import io.sio4j.engine.OutboundMessage;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A session is listed in the memory budget once shedding could act on it: its first volatile
 * packet, or 1/64 of the limit held. Idle sessions are not listed (issue 12).
 */
class SessionMemoryTest {
  private final DefaultEventLoop loop = new DefaultEventLoop();

  @AfterEach
  void stopLoop() {
    loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private EngineSession session(MemoryBudget budget) {
    EngineOptions options = EngineOptions.builder().memoryBudget(budget).build();
    HandshakeRequest request =
        new HandshakeRequest(
            "GET", "/engine.io/?EIO=4", Map.of(), Map.of("EIO", "4"), null, false, Instant.now());
    return new EngineSession("sid", request, loop, options, new SessionRegistry());
  }

  @Test
  void sheddingReachesASessionByItsVolatilePacketsOrItsShare() throws Exception {
    MemoryBudget budget = MemoryBudget.ofBytes(6_400); // 1/64: 100 bytes
    EngineSession small = session(budget);
    EngineSession withVolatile = session(budget);
    EngineSession big = session(budget);
    loop.submit(
            () -> {
              small.memory().add(99);
              withVolatile
                  .memory()
                  .queue(WirePacket.message(OutboundMessage.text("v".repeat(9)).asVolatile()));
              big.memory().add(6_000);
            })
        .get();
    assertThat(withVolatile.memory().count()).isEqualTo(1);
    // over the limit: the volatile packet goes first, then the session with a share is closed
    loop.submit(() -> budget.add(1_000)).get();
    loop.submit(() -> {}).get(); // the budget's requests hop to the loop: let them run
    assertThat(withVolatile.memory().count()).isZero();
    assertThat(withVolatile.memory().heldBytes()).isZero();
    assertThat(withVolatile.isOpen()).isTrue();
    assertThat(big.isOpen()).isFalse();
    assertThat(small.isOpen()).isTrue();
    assertThat(small.memory().heldBytes()).isEqualTo(99);
    assertThat(budget.closedHolders()).isEqualTo(1);
    budget.release(1_000);
    assertThat(budget.used()).isEqualTo(99);
  }
}
