package io.sio4j.engine.internal;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Engine.IO v4 heartbeat of one session: the server sends PING every pingInterval and expects a
 * PONG within pingTimeout (docs/engine.io-protocol/v4-current.md, "Heartbeat"). Deadlines are
 * absolute, so a ping task that runs late on a busy loop does not give the client extra time.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class Heartbeat {
  private final EventLoop loop;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final Runnable sendPing;
  private final Runnable onTimeout;
  private ScheduledFuture<?> intervalTimer;
  private ScheduledFuture<?> timeoutTimer;
  private long pongDeadline; // System.nanoTime() by which a pong is due, 0 when none is

  Heartbeat(
      EventLoop loop, Duration interval, Duration timeout, Runnable sendPing, Runnable onTimeout) {
    this.loop = loop;
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.toNanos();
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  /** Schedules the next PING one interval from now. */
  void start() {
    long due = System.nanoTime() + intervalNanos;
    intervalTimer =
        loop.schedule(
            () -> {
              sendPing.run();
              cancel(timeoutTimer);
              pongDeadline = due + timeoutNanos;
              timeoutTimer =
                  loop.schedule(
                      onTimeout,
                      Math.max(0, pongDeadline - System.nanoTime()),
                      TimeUnit.NANOSECONDS);
            },
            intervalNanos,
            TimeUnit.NANOSECONDS);
  }

  /** A PONG arrived in time: the next PING is one interval from now. */
  void onPong() {
    stop();
    start();
  }

  /** Whether a PONG is due and its deadline has passed (even if the timer has not run yet). */
  boolean overdue() {
    return pongDeadline != 0 && System.nanoTime() - pongDeadline >= 0;
  }

  void stop() {
    cancel(intervalTimer);
    cancel(timeoutTimer);
    intervalTimer = null;
    timeoutTimer = null;
    pongDeadline = 0;
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) f.cancel(false);
  }
}
