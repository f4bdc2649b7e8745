package io.sio4j.protocol.time;

/**
 * A handle on a scheduled task.
 *
 * <pre>{@code
 * Cancellable timer = scheduler.schedule(this::timeout, Duration.ofSeconds(2));
 * future.whenComplete((r, e) -> timer.cancel());
 * }</pre>
 *
 * <p>Thread-safe; {@link #cancel()} is idempotent.
 */
@FunctionalInterface
public interface Cancellable {
  /** A handle whose cancel does nothing (for tasks that were never scheduled). */
  Cancellable NONE = () -> {};

  /** Prevents the task from running, when it has not started yet. */
  void cancel();
}
