package io.sio4j.engine.internal;

import io.netty.channel.EventLoop;
import io.sio4j.engine.EngineOptions;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;

/**
 * The heartbeat deadlines of one server's sessions on one event loop, with one timer per kind of
 * deadline instead of a scheduled task per session (issue 12: a timer per session cost ~200 live
 * bytes per idle connection and a priority-queue insert and removal per heartbeat round).
 *
 * <p>Why a FIFO suffices: the sessions of one server share pingInterval and pingTimeout, so every
 * deadline of a kind is "a time already passed + the same constant" (the next PING: now + interval;
 * the PONG due: the PING's due time + timeout; v3, the client's PING: now + interval + timeout),
 * and a deadline is never earlier than one queued before it. Each kind is then a doubly linked list
 * in due order: queueing, cancelling and taking the due heads are O(1), and the list's one timer is
 * armed for its head.
 *
 * <p>As every session has its queue, the queue also gives it what the server's sessions on the loop
 * share (the registry, the options, the loop), so that a session keeps no field of its own for them
 * (issue 12).
 *
 * <p>Threading: confined to the event loop; {@code timers} runs the timer tasks there.
 */
final class HeartbeatQueue {
  /** The sessions waiting to be sent their next PING (v4). */
  final Lane pings;

  /** The sessions that were sent a PING and owe a PONG (v4). */
  final Lane pongs;

  /** The sessions whose client owes its next PING (v3). */
  final Lane clientPings;

  private final SessionRegistry registry;
  private final EngineOptions options;
  private final EventLoop loop;
  private final Scheduler timers;
  private final long intervalNanos;
  private final long timeoutNanos;

  /**
   * The queue of {@code registry}'s sessions on {@code loop}, timed by the options' scheduler when
   * it has one (tests), else by the loop; pingInterval and pingTimeout are read once, in nanos.
   */
  HeartbeatQueue(SessionRegistry registry, EngineOptions options, EventLoop loop) {
    this.registry = registry;
    this.options = options;
    this.loop = loop;
    this.timers = LoopScheduler.of(loop, options.scheduler());
    this.intervalNanos = options.pingInterval().toNanos();
    this.timeoutNanos = options.pingTimeout().toNanos();
    this.pings = new Lane(true);
    this.pongs = new Lane(false);
    this.clientPings = new Lane(false);
  }

  /** The registry whose sessions this queue serves. */
  SessionRegistry registry() {
    return registry;
  }

  /** The options of the server whose sessions this queue serves. */
  EngineOptions options() {
    return options;
  }

  /** The event loop whose sessions this queue serves. */
  EventLoop loop() {
    return loop;
  }

  /** The loop's scheduler, shared by the sessions this queue serves. */
  Scheduler timers() {
    return timers;
  }

  /** pingInterval, the same for every session queued here. */
  long intervalNanos() {
    return intervalNanos;
  }

  /** pingTimeout, the same for every session queued here. */
  long timeoutNanos() {
    return timeoutNanos;
  }

  long nanoTime() {
    return timers.nanoTime();
  }

  /** One kind of deadline, in due order; its timer is armed for the head while it has one. */
  final class Lane implements Runnable {
    private final boolean sendsPing;
    private HeartbeatNode head;
    private HeartbeatNode tail;
    private Cancellable timer = Cancellable.NONE;

    private Lane(boolean sendsPing) {
      this.sendsPing = sendsPing;
    }

    /** Queues {@code h} (in no lane) with {@code deadline}, never earlier than the tail's. */
    void add(HeartbeatNode h, long deadline) {
      h.deadline = deadline;
      h.lane = this;
      h.prev = tail;
      h.next = null;
      if (tail == null) head = h;
      else tail.next = h;
      tail = h;
      if (head == h) arm();
    }

    /**
     * Takes {@code h} out. An emptied lane cancels its timer; a timer armed for a head that left
     * stays and re-arms for the next head when it fires, early (cheaper than re-arming per
     * removal).
     */
    void remove(HeartbeatNode h) {
      if (h.prev == null) head = h.next;
      else h.prev.next = h.next;
      if (h.next == null) tail = h.prev;
      else h.next.prev = h.prev;
      h.prev = null;
      h.next = null;
      h.lane = null;
      if (head == null) {
        timer.cancel();
        timer = Cancellable.NONE;
      }
    }

    /** The timer: runs every head that is due, then arms for the next. */
    @Override
    public void run() {
      timer = Cancellable.NONE;
      long now = timers.nanoTime();
      // re-read the head each time: a session closed by a due one leaves the lane meanwhile
      while (head != null && head.deadline - now <= 0) {
        HeartbeatNode h = head;
        remove(h);
        if (sendsPing) h.pingDue();
        else h.pingTimedOut();
      }
      if (head != null) arm();
    }

    private void arm() {
      timer.cancel();
      long delay = Math.max(0, head.deadline - timers.nanoTime());
      timer = timers.schedule(this, Duration.ofNanos(delay));
    }
  }
}
