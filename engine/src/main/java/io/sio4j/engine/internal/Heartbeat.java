package io.sio4j.engine.internal;

import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;

/**
 * The Engine.IO v4 heartbeat of one session: the server sends PING every pingInterval and expects a
 * PONG within pingTimeout (docs/engine.io-protocol/v4-current.md, "Heartbeat"). Deadlines are
 * absolute, so a ping task that runs late on a busy loop does not give the client extra time.
 *
 * <p>Threading: confined to the session's event loop; {@code timers} runs its tasks there.
 */
final class Heartbeat {
  private final Scheduler timers;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final Runnable sendPing;
  private final Runnable onTimeout;
  private Cancellable intervalTimer = Cancellable.NONE;
  private Cancellable timeoutTimer = Cancellable.NONE;
  private long pongDeadline; // timers.nanoTime() by which a pong is due, 0 when none is

  Heartbeat(
      Scheduler timers,
      Duration interval,
      Duration timeout,
      Runnable sendPing,
      Runnable onTimeout) {
    this.timers = timers;
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.toNanos();
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  /** Schedules the next PING one interval from now. */
  void start() {
    long due = timers.nanoTime() + intervalNanos;
    intervalTimer =
        timers.schedule(
            () -> {
              sendPing.run();
              timeoutTimer.cancel();
              pongDeadline = due + timeoutNanos;
              timeoutTimer =
                  timers.schedule(
                      onTimeout, Duration.ofNanos(Math.max(0, pongDeadline - timers.nanoTime())));
            },
            Duration.ofNanos(intervalNanos));
  }

  /** A PONG arrived in time: the next PING is one interval from now. */
  void onPong() {
    stop();
    start();
  }

  /** Whether a PONG is due and its deadline has passed (even if the timer has not run yet). */
  boolean overdue() {
    return pongDeadline != 0 && timers.nanoTime() - pongDeadline >= 0;
  }

  void stop() {
    intervalTimer.cancel();
    timeoutTimer.cancel();
    intervalTimer = Cancellable.NONE;
    timeoutTimer = Cancellable.NONE;
    pongDeadline = 0;
  }
}
