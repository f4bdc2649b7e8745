package io.sio4j.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.NettyRuntime;
import io.sio4j.engine.EngineOptions;
import org.junit.jupiter.api.Test;

/** The Netty host's event-loop count: one per core unless the options name a number. */
class IoThreadsTest {

  @Test
  void defaultIsOneLoopPerCore() {
    EngineOptions options = EngineOptions.builder().build();
    assertEquals(0, options.ioThreads());
    assertEquals(NettyRuntime.availableProcessors(), NettyEngineServer.ioThreads(options));
  }

  @Test
  void anExplicitCountIsKept() {
    assertEquals(3, NettyEngineServer.ioThreads(EngineOptions.builder().ioThreads(3).build()));
  }
}
