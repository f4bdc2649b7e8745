package io.sio4j.adapter.redis;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulConnection;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a node's Redis connections are up, with one log line when Redis goes away and one when it
 * is back (Lettuce reconnects by itself; a node keeps serving its own clients meanwhile). Adapters
 * call {@link #check()} on a timer and before each command, and fail requests fast while Redis is
 * away, rather than queueing them until it returns.
 *
 * <p>Thread-safe.
 */
final class RedisHealth {
  private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);

  private final List<? extends StatefulConnection<?, ?>> connections;
  private boolean down; // guarded by this

  RedisHealth(List<? extends StatefulConnection<?, ?>> connections) {
    this.connections = List.copyOf(connections);
  }

  /** Whether every connection is open; logs a change of state once. */
  boolean check() {
    boolean up = connections.stream().allMatch(StatefulConnection::isOpen);
    synchronized (this) {
      if (up == !down) return up;
      down = !up;
    }
    if (up) {
      LOG.info("Redis is reachable again; cluster messages flow again");
    } else {
      LOG.warn(
          "Redis is unreachable; this node serves its own clients and drops cluster messages"
              + " until it returns (Lettuce reconnects)");
    }
    return up;
  }

  /** Checks every second on {@code scheduler} until the returned handle is cancelled. */
  Cancellable watch(Scheduler scheduler) {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicReference<Cancellable> timer = new AtomicReference<>(Cancellable.NONE);
    Runnable[] tick = new Runnable[1];
    tick[0] =
        () -> {
          if (cancelled.get()) return;
          check();
          timer.set(scheduler.schedule(tick[0], Duration.ofSeconds(1)));
        };
    timer.set(scheduler.schedule(tick[0], Duration.ofSeconds(1)));
    return () -> {
      cancelled.set(true);
      timer.get().cancel();
    };
  }

  /** A failed future with a clear error while Redis is away, or null when it is up. */
  <T> CompletableFuture<T> failFast() {
    if (check()) return null;
    return CompletableFuture.failedFuture(
        new RedisConnectionException("Redis is unreachable: the cluster cannot be reached"));
  }
}
