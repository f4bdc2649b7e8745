package io.sio4j.protocol.time;

import java.time.Duration;

/**
 * The one seam through which sio4j reads time and runs timers: heartbeats, upgrade and connect
 * timeouts, acknowledgement timeouts, recovery expiry and the client's reconnection backoff. The
 * server's default runs timers on each session's Netty event loop; the client's default on the
 * Manager's thread. Tests inject the testkit's {@code VirtualClock} and advance it instead of
 * waiting.
 *
 * <pre>{@code
 * Cancellable timer = scheduler.schedule(() -> log.info("late"), Duration.ofSeconds(5));
 * ...
 * timer.cancel(); // the thing it guarded completed
 * }</pre>
 *
 * <p>This package lives in {@code protocol} because both the server and the client depend on it; it
 * holds only the interface (protocol itself has no threads and no clock).
 *
 * <p>Implementations are thread-safe. Where a task runs is the implementation's choice; sio4j's own
 * callers hop to their confining thread (event loop, Manager thread) when the scheduler is not it,
 * so a custom scheduler never breaks their confinement.
 */
public interface Scheduler {

  /**
   * Runs {@code task} once, {@code delay} from now (at once, in order, for a zero or negative
   * delay). The handle cancels it; cancelling after it ran does nothing.
   */
  Cancellable schedule(Runnable task, Duration delay);

  /**
   * This scheduler's monotonic time in nanoseconds, with {@link System#nanoTime()}'s meaning (only
   * differences count). Delays passed to {@link #schedule} are measured on this clock.
   */
  long nanoTime();
}
