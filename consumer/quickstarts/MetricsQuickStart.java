package quickstart;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sio4j.micrometer.SocketIoMetrics;
import io.sio4j.server.SocketIoServer;

/** README, "Metrics with Micrometer". */
final class MetricsQuickStart {
  static void run() {
    // @README@
  }
}
