package io.sio4j.server;

import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The default scheduler of the server's timers that belong to no single connection (broadcast
 * acknowledgement timeouts): one daemon thread shared by every server in the JVM, started on first
 * use. Cancelled timers leave its queue at once, so a timer that guarded an answered broadcast does
 * not linger until its deadline.
 *
 * <pre>{@code
 * Cancellable t = SharedTimer.INSTANCE.schedule(collector::timeout, Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Thread-safe. Tasks run on the timer thread and must be short and thread-safe.
 */
final class SharedTimer implements Scheduler {
  static final SharedTimer INSTANCE = new SharedTimer();

  private SharedTimer() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor EXECUTOR = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor e =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "sio4j-server-timer");
                t.setDaemon(true);
                return t;
              });
      e.setRemoveOnCancelPolicy(true);
      return e;
    }
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> f = Holder.EXECUTOR.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}
