package io.sio4j.client.internal.engine;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a Manager's state: Engine.IO sessions, transports, timers and sockets
 * all change only here, so they need no locks. Tasks submitted after {@link #shutdown()} are
 * dropped. The thread is not a daemon (like Node, an open client keeps the process alive) and ends
 * on {@link #shutdown()}.
 *
 * <pre>{@code
 * ClientLoop loop = ClientLoop.create();
 * loop.execute(() -> ...);
 * Runnable cancel = loop.schedule(() -> ..., Duration.ofSeconds(1));
 * loop.shutdown();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ClientLoop {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client");
  private static final AtomicInteger IDS = new AtomicInteger();

  private final ScheduledExecutorService executor;
  private volatile Thread thread;

  private ClientLoop() {
    String name = "sio4j-client-" + IDS.incrementAndGet();
    ScheduledThreadPoolExecutor e =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, name);
              thread = t;
              return t;
            });
    // timers must not keep a shut-down loop alive
    e.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    e.setRemoveOnCancelPolicy(true);
    executor = e;
  }

  /** Starts a loop thread (lazily, on the first task). */
  public static ClientLoop create() {
    return new ClientLoop();
  }

  /**
   * A loop that succeeds {@code previous} (may be null): its first task waits until the previous
   * loop's thread ended, so state handed over between them is never touched by both at once.
   */
  public static ClientLoop create(ClientLoop previous) {
    ClientLoop next = new ClientLoop();
    if (previous != null) {
      next.execute(
          () -> {
            try {
              previous.executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    return next;
  }

  /** Whether the caller runs on this loop's thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs the task on the loop; an exception it throws is logged, never propagated. */
  public void execute(Runnable task) {
    try {
      executor.execute(() -> runSafely(task));
    } catch (RejectedExecutionException e) {
      log.debug("client loop is shut down, task dropped");
    }
  }

  /** Runs the task now when already on the loop, else queues it. */
  public void run(Runnable task) {
    if (inLoop()) runSafely(task);
    else execute(task);
  }

  /** Runs the task after the delay; the returned handle cancels it (idempotent). */
  public Runnable schedule(Runnable task, Duration delay) {
    try {
      ScheduledFuture<?> f =
          executor.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> {};
    }
  }

  /** Stops the thread once the queued tasks ran; later tasks are dropped. */
  public void shutdown() {
    executor.shutdown();
  }

  /** Whether {@link #shutdown()} was called. */
  public boolean isShutdown() {
    return executor.isShutdown();
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      log.warn("unexpected exception on the client loop", e);
    }
  }
}
