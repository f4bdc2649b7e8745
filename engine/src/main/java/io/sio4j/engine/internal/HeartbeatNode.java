package io.sio4j.engine.internal;

/**
 * The heartbeat of one session. Engine.IO v4: the server sends PING every pingInterval and expects
 * a PONG within pingTimeout (docs/engine.io-protocol/v4-current.md, "Heartbeat"). Engine.IO v3 (the
 * other direction): the client pings, and the session closes when no PING arrives within
 * pingInterval + pingTimeout (docs/engine.io-protocol/v3.md). Deadlines are absolute, so a timer
 * that runs late on a busy loop does not give the client extra time.
 *
 * <p>The deadlines wait in the loop's {@link HeartbeatQueue}, shared by the server's sessions on
 * that loop; this object is the session's node in it.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class Heartbeat {
  private final HeartbeatQueue queue;
  private final EngineSession session;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final boolean clientPings;
  private long pongDeadline; // queue.nanoTime() by which a pong is due, 0 when none is
  private boolean stopped; // since stop(), until start()

  // the node in the queue, touched by HeartbeatQueue.Lane only
  HeartbeatQueue.Lane lane; // null when waiting for nothing
  Heartbeat prev;
  Heartbeat next;
  long deadline;

  Heartbeat(
      HeartbeatQueue queue,
      EngineSession session,
      long intervalNanos,
      long timeoutNanos,
      boolean clientPings) {
    this.queue = queue;
    this.session = session;
    this.intervalNanos = intervalNanos;
    this.timeoutNanos = timeoutNanos;
    this.clientPings = clientPings;
  }

  /** Queues the next PING one interval from now (v3: the deadline for the client's PING). */
  void start() {
    stopped = false;
    long now = queue.nanoTime();
    if (clientPings) {
      pongDeadline = now + intervalNanos + timeoutNanos;
      queue.clientPings.add(this, pongDeadline);
    } else {
      queue.pings.add(this, now + intervalNanos);
    }
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
    return pongDeadline != 0 && queue.nanoTime() - pongDeadline >= 0;
  }

  void stop() {
    if (lane != null) lane.remove(this);
    pongDeadline = 0;
    stopped = true;
  }

  /** The PING's time has come (the queue took this out of its lane): send it, await the PONG. */
  void pingDue() {
    long due = deadline;
    session.sendPacket(WirePacket.PING);
    if (stopped || lane != null) return; // the send closed the session (or restarted the beat)
    pongDeadline = due + timeoutNanos;
    queue.pongs.add(this, pongDeadline);
  }

  /** The PONG (v3: the client's PING) did not come in time. */
  void timedOut() {
    session.pingTimedOut();
  }
}
