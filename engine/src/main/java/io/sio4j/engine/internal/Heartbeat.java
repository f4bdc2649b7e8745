package io.sio4j.engine.internal;

import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;

/**
 * The heartbeat of one session. Engine.IO v4: the server sends PING every pingInterval and expects
 * a PONG within pingTimeout (docs/engine.io-protocol/v4-current.md, "Heartbeat"). Engine.IO v3 (the
 * other direction): the client pings, and the session closes when no PING arrives within
 * pingInterval + pingTimeout (docs/engine.io-protocol/v3.md). Deadlines are absolute, so a task
 * that runs late on a busy loop does not give the client extra time.
 *
 * <p>Threading: confined to the session's event loop; {@code timers} runs its tasks there.
 */
final class Heartbeat {
  private final Scheduler timers;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final Runnable sendPing;
  private final Runnable onTimeout;
  private final boolean clientPings;
  private Cancellable intervalTimer = Cancellable.NONE;
  private Cancellable timeoutTimer = Cancellable.NONE;
  private long pongDeadline; // timers.nanoTime() by which a pong is due, 0 when none is

  Heartbeat(
      Scheduler timers,
      Duration interval,
      Duration timeout,
      Runnable sendPing,
      Runnable onTimeout,
      boolean clientPings) {
    this.clientPings = clientPings;
    this.timers = timers;
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.toNanos();
    this.sendPing = sendPing;
    this.onTimeout = onTimeout;
  }

  /** Schedules the next PING one interval from now (v3: the deadline for the client's PING). */
  void start() {
    if (clientPings) {
      pongDeadline = timers.nanoTime() + intervalNanos + timeoutNanos;
      timeoutTimer = timers.schedule(onTimeout, Duration.ofNanos(intervalNanos + timeoutNanos));
      return;
    }
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

  /** v3: the client's PING arrived in time: its next one is due within interval + timeout. */
  void onClientPing() {
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
