package io.sio4j.spring.boot;

import io.sio4j.server.Namespace;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code socketio} health: up with the number of connected sockets (in all and per namespace)
 * and the cluster's server count; down when the adapter cannot reach its cluster (its {@code
 * serverCount()} fails or does not answer in time, as when Redis is gone). Thread-safe.
 *
 * <pre>
 * GET /actuator/health/socketio
 * {"status":"UP","details":{"connections":2,"namespaces":{"/":2},"servers":1}}
 * </pre>
 */
public final class SocketIoHealthIndicator implements HealthIndicator {
  private final SocketIoServer io;
  private final Duration timeout;

  /** The health of {@code io}; a cluster that does not answer within {@code timeout} is down. */
  public SocketIoHealthIndicator(SocketIoServer io, Duration timeout) {
    this.io = io;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    Map<String, Integer> namespaces = new TreeMap<>();
    int connections = 0;
    for (Namespace nsp : io.namespaces()) {
      int n = nsp.sockets().size();
      namespaces.put(nsp.name(), n);
      connections += n;
    }
    Health.Builder health =
        Health.up().withDetail("connections", connections).withDetail("namespaces", namespaces);
    try {
      int servers =
          io.sockets().adapter().serverCount().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return health.withDetail("servers", servers).build();
    } catch (ExecutionException e) {
      return health.down().withDetail("adapter", String.valueOf(e.getCause())).build();
    } catch (TimeoutException e) {
      return health
          .down()
          .withDetail("adapter", "no answer from the cluster in " + timeout)
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return health.unknown().build();
    }
  }
}
