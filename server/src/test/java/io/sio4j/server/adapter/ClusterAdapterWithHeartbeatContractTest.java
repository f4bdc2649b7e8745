package io.sio4j.server.adapter;

import io.sio4j.server.AdapterContractTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** The adapter contract on {@link ClusterAdapterWithHeartbeat} over {@link LocalBus}, one node. */
class ClusterAdapterWithHeartbeatContractTest extends AdapterContractTest {
  private LocalBus bus;

  @Override
  protected AdapterFactory adapterFactory() {
    bus = new LocalBus();
    return bus.heartbeat(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  @AfterEach
  void closeBus() {
    bus.close();
  }
}
