package io.sio4j.client.internal.engine;

import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a Manager's state: Engine.IO sessions, transports, timers and sockets
 * all change only here, so they need no locks. One {@code ClientLoop} per Manager, for the
 * Manager's whole life.
 *
 * <p>The thread model, in three rules:
 *
 * <ol>
 *   <li>A task is never dropped: {@link #execute} queues it, starting the thread if none runs.
 *   <li>The thread ends only between tasks, when nothing is queued, no timer is pending and the
 *       owner says it is idle (for a Manager: closed, not reconnecting, nothing left to flush). The
 *       decision and every submission take the same lock, so a task submitted while the thread is
 *       ending goes to a new thread instead of being lost.
 *   <li>A new thread starts only after the previous one finished its last task (the lock hands
 *       over), so two threads never touch the state at once, and what one wrote the next sees.
 * </ol>
 *
 * The thread is not a daemon (like Node, an open client or a pending timer keeps the process alive)
 * and ends by itself once idle, so a {@code main} exits after closing its sockets.
 *
 * <p>Timers: with no injected {@link Scheduler}, they run on this thread and keep it alive until
 * they fire or are cancelled; with one (a virtual clock in tests), it times them and the task is
 * queued here when it fires (a cancellation seen first wins).
 *
 * <pre>{@code
 * ClientLoop loop = ClientLoop.create(ClientLoop.newThreadName(), () -> closed && !reconnecting, null);
 * loop.execute(() -> ...);
 * Cancellable timer = loop.schedule(() -> ..., Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>Thread-safe; {@code executor}, {@code thread}, {@code queued} and {@code timers} are guarded
 * by {@code lock}.
 */
public final class ClientLoop implements Scheduler {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client");
  private static final AtomicInteger IDS = new AtomicInteger();

  private final Object lock = new Object();
  private final String name;
  private final BooleanSupplier idle;
  private final Scheduler clock; // null: timers on this thread
  private ScheduledThreadPoolExecutor executor;
  private volatile Thread thread;
  private int queued; // tasks submitted and not finished
  private int timers; // timers on the executor, not run nor cancelled

  private ClientLoop(String name, BooleanSupplier idle, Scheduler clock) {
    this.name = name;
    this.idle = idle;
    this.clock = clock;
  }

  /** A loop whose thread ends whenever it has nothing to do (tests, standalone engines). */
  public static ClientLoop create() {
    return create("sio4j-client-" + IDS.incrementAndGet(), () -> true, null);
  }

  /**
   * A loop whose thread ends when nothing is queued or pending and {@code idle} (called on the
   * loop) says so; timers are timed by {@code clock}, or by the loop itself when null.
   */
  public static ClientLoop create(String name, BooleanSupplier idle, Scheduler clock) {
    return new ClientLoop(name, idle, clock);
  }

  /** A name for a Manager's loop thread, unique in the JVM. */
  public static String newThreadName() {
    return "sio4j-client-" + IDS.incrementAndGet();
  }

  /** Whether the caller runs on this loop's thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Queues the task; an exception it throws is logged, never propagated. Never drops it. */
  public void execute(Runnable task) {
    synchronized (lock) {
      queued++;
      started()
          .execute(
              () -> {
                try {
                  runSafely(task);
                } finally {
                  synchronized (lock) {
                    queued--;
                    stopIfIdle();
                  }
                }
              });
    }
  }

  /** Runs the task now when already on the loop, else queues it. */
  public void run(Runnable task) {
    if (inLoop()) runSafely(task);
    else execute(task);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    AtomicBoolean done = new AtomicBoolean();
    if (clock != null) {
      Cancellable timer =
          clock.schedule(
              () ->
                  execute(
                      () -> {
                        if (done.compareAndSet(false, true)) task.run();
                      }),
              delay);
      return () -> {
        done.set(true);
        timer.cancel();
      };
    }
    synchronized (lock) {
      timers++;
      ScheduledFuture<?> f =
          started()
              .schedule(
                  () -> {
                    if (!done.compareAndSet(false, true)) return;
                    try {
                      runSafely(task);
                    } finally {
                      synchronized (lock) {
                        timers--;
                        stopIfIdle();
                      }
                    }
                  },
                  Math.max(0, delay.toNanos()),
                  TimeUnit.NANOSECONDS);
      return () -> {
        if (!done.compareAndSet(false, true)) return;
        f.cancel(false);
        synchronized (lock) {
          timers--;
          // the thread may now be idle: let it decide between tasks, never in the middle of one
          if (timers == 0 && queued == 0 && !inLoop()) execute(() -> {});
        }
      };
    }
  }

  @Override
  public long nanoTime() {
    return clock != null ? clock.nanoTime() : System.nanoTime();
  }

  private ScheduledThreadPoolExecutor started() {
    if (executor == null) {
      ScheduledThreadPoolExecutor e =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, name);
                thread = t;
                return t;
              });
      e.setRemoveOnCancelPolicy(true);
      executor = e;
    }
    return executor;
  }

  /** Called on the loop at the end of a task, holding the lock. */
  private void stopIfIdle() {
    if (queued != 0 || timers != 0 || executor == null || !idle.getAsBoolean()) return;
    log.debug("{}: idle, ending the client thread", name);
    executor.shutdown();
    executor = null;
  }

  /**
   * Runs a task, logging what it throws, except a VirtualMachineError (OutOfMemoryError,
   * StackOverflowError): that is thrown on, never swallowed nor turned into a transport error.
   */
  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (VirtualMachineError e) {
      log.error("{} on the client loop", e.toString());
      throw e;
    } catch (RuntimeException | Error e) {
      log.warn("unexpected exception on the client loop", e);
    }
  }
}
