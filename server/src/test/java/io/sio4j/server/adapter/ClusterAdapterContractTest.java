package io.sio4j.server.adapter;

import io.sio4j.server.AdapterContractTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The adapter contract on the template itself ({@link ClusterAdapter} over {@link LocalBus}): every
 * broadcast and utility also goes out as a cluster message, and a lone node keeps the in-memory
 * behaviour.
 */
class ClusterAdapterContractTest extends AdapterContractTest {
  private LocalBus bus;

  @Override
  protected AdapterFactory adapterFactory() {
    bus = new LocalBus();
    return bus.plain(Duration.ofSeconds(3));
  }

  @AfterEach
  void closeBus() {
    bus.close();
  }
}
