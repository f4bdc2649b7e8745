package io.sio4j.testkit;

import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose time moves only when a test calls {@link #advance(Duration)}: timers
 * then run on the test's thread, in due order (ties in scheduling order), deterministically. Inject
 * it where sio4j takes a scheduler and replace sleeps by advances.
 *
 * <pre>{@code
 * VirtualClock clock = new VirtualClock();
 * SocketIoServer io = SocketIoServer.builder().scheduler(clock).build();
 * ...
 * clock.advance(Duration.ofSeconds(25)); // the heartbeat's PING is due now
 * assertThat(clock.pending()).isZero();  // every timer was cancelled or ran
 * }</pre>
 *
 * <p>Thread-safe: tasks may be scheduled and cancelled from any thread; tasks run outside the lock,
 * on the thread that advances the clock.
 */
public final class VirtualClock implements Scheduler {
  private final Object lock = new Object();
  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private long now; // guarded by lock
  private long sequence; // guarded by lock

  /** A clock at time zero (plus an offset so that nanoTime values look like System.nanoTime). */
  public VirtualClock() {
    now = 1_000_000_000L;
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    synchronized (lock) {
      Timer t = new Timer(task, now + Math.max(0, delay.toNanos()), sequence++);
      queue.add(t);
      return t::cancel;
    }
  }

  @Override
  public long nanoTime() {
    synchronized (lock) {
      return now;
    }
  }

  /**
   * Moves time forward, running every task that falls due on the way in due order; a task sees the
   * clock at its own due time, and tasks it schedules run too if they fall due within the advance.
   */
  public void advance(Duration by) {
    if (by.isNegative()) throw new IllegalArgumentException("time only moves forward: " + by);
    long target;
    synchronized (lock) {
      target = now + by.toNanos();
    }
    while (true) {
      Timer next;
      synchronized (lock) {
        next = queue.peek();
        if (next == null || next.due > target) {
          now = target;
          return;
        }
        queue.poll();
        now = Math.max(now, next.due);
      }
      next.task.run();
    }
  }

  /** Runs the tasks due now (those scheduled with no delay), without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** How many tasks are scheduled and not yet run or cancelled. */
  public int pending() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /** The delays from now of the pending tasks, soonest first (for assertions and messages). */
  public List<Duration> pendingDelays() {
    synchronized (lock) {
      List<Timer> sorted = new ArrayList<>(queue);
      sorted.sort(null);
      List<Duration> out = new ArrayList<>();
      for (Timer t : sorted) out.add(Duration.ofNanos(t.due - now));
      return out;
    }
  }

  private final class Timer implements Comparable<Timer> {
    final Runnable task;
    final long due;
    final long seq;

    Timer(Runnable task, long due, long seq) {
      this.task = task;
      this.due = due;
      this.seq = seq;
    }

    void cancel() {
      synchronized (lock) {
        queue.remove(this);
      }
    }

    @Override
    public int compareTo(Timer o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
