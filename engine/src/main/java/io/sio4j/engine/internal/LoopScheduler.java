package io.sio4j.engine.internal;

import io.netty.util.concurrent.EventExecutor;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's {@link Scheduler}: tasks always run on the session's event loop. With no injected
 * scheduler the event loop times them itself; with one (a virtual clock in tests), the injected
 * scheduler times them and the task is handed to the event loop when it fires, where a cancellation
 * that happened meanwhile (on the loop) is honoured, so confinement holds either way.
 *
 * <pre>{@code
 * Scheduler timers = LoopScheduler.of(channel.eventLoop(), options.scheduler());
 * Cancellable t = timers.schedule(this::onTimeout, Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Thread-safe.
 */
final class LoopScheduler implements Scheduler {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private final EventExecutor loop;
  private final Scheduler clock; // null: the loop times tasks itself

  private LoopScheduler(EventExecutor loop, Scheduler clock) {
    this.loop = loop;
    this.clock = clock;
  }

  /** Timers on {@code loop}, timed by {@code clock} (null for the loop's own timer wheel). */
  static LoopScheduler of(EventExecutor loop, Scheduler clock) {
    return new LoopScheduler(loop, clock);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    if (clock == null) {
      try {
        ScheduledFuture<?> f = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
      } catch (RejectedExecutionException e) {
        log.debug("event loop is shut down, timer not scheduled");
        return Cancellable.NONE;
      }
    }
    HandedTask handed = new HandedTask(task);
    handed.timer = clock.schedule(handed, delay);
    return handed;
  }

  @Override
  public long nanoTime() {
    return clock == null ? System.nanoTime() : clock.nanoTime();
  }

  /** An injected scheduler's task, handed to the loop when it fires. */
  private final class HandedTask implements Runnable, Cancellable {
    private final Runnable task;
    private volatile boolean cancelled;
    private volatile Cancellable timer;

    HandedTask(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      Runnable onLoop =
          () -> {
            if (!cancelled) task.run();
          };
      if (loop.inEventLoop()) {
        onLoop.run();
        return;
      }
      try {
        loop.execute(onLoop);
      } catch (RejectedExecutionException e) {
        log.debug("event loop is shut down, timer dropped");
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      Cancellable t = timer;
      if (t != null) t.cancel();
    }
  }
}
