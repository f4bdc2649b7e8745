package io.sio4j.engine.internal;

/**
 * The heartbeat of one session. Engine.IO v4: the server sends PING every pingInterval and expects
 * a PONG within pingTimeout (docs/engine.io-protocol/v4-current.md, "Heartbeat"). Engine.IO v3 (the
 * other direction): the client pings, and the session closes when no PING arrives within
 * pingInterval + pingTimeout (docs/engine.io-protocol/v3.md). Deadlines are absolute, so a timer
 * that runs late on a busy loop does not give the client extra time.
 *
 * <p>The deadlines wait in the loop's {@link HeartbeatQueue}, shared by the server's sessions on
 * that loop; this is the session's node in it. It is {@link EngineSession}'s base class rather than
 * an object of its own: every session has exactly one heartbeat for exactly its lifetime, and a
 * separate object cost a header and two references more per idle connection (issue 12).
 *
 * <p>Threading: confined to the session's event loop.
 */
abstract class HeartbeatNode {
  final HeartbeatQueue heartbeats;
  final boolean clientPings; // Engine.IO v3
  private boolean stopped; // since stop(), until start()
  private long pongDeadline; // queue.nanoTime() by which a pong is due, 0 when none is

  // the node in the queue, touched by HeartbeatQueue.Lane only
  HeartbeatQueue.Lane lane; // null when waiting for nothing
  HeartbeatNode prev;
  HeartbeatNode next;
  long deadline;

  /**
   * @param heartbeats the loop's queue (one server's, so one pingInterval and pingTimeout)
   * @param clientPings Engine.IO v3: the client sends the PINGs
   */
  HeartbeatNode(HeartbeatQueue heartbeats, boolean clientPings) {
    this.heartbeats = heartbeats;
    this.clientPings = clientPings;
  }

  /** Sends the PING (v4) whose time has come. */
  abstract void sendPing();

  /** The PONG (v3: the client's PING) did not come in time. */
  abstract void pingTimedOut();

  /** Queues the next PING one interval from now (v3: the deadline for the client's PING). */
  final void startHeartbeat() {
    stopped = false;
    HeartbeatQueue q = heartbeats;
    long now = q.nanoTime();
    if (clientPings) {
      pongDeadline = now + q.intervalNanos() + q.timeoutNanos();
      q.clientPings.add(this, pongDeadline);
    } else {
      q.pings.add(this, now + q.intervalNanos());
    }
  }

  /** A PONG (v3: the client's PING) arrived in time: the next round starts now. */
  final void heartbeatAnswered() {
    stopHeartbeat();
    startHeartbeat();
  }

  /** Whether a PONG is due and its deadline has passed (even if the timer has not run yet). */
  final boolean heartbeatOverdue() {
    return pongDeadline != 0 && heartbeats.nanoTime() - pongDeadline >= 0;
  }

  final void stopHeartbeat() {
    if (lane != null) lane.remove(this);
    pongDeadline = 0;
    stopped = true;
  }

  /** The PING's time has come (the queue took this out of its lane): send it, await the PONG. */
  final void pingDue() {
    long due = deadline;
    sendPing();
    if (stopped || lane != null) return; // the send closed the session (or restarted the beat)
    pongDeadline = due + heartbeats.timeoutNanos();
    heartbeats.pongs.add(this, pongDeadline);
  }
}
