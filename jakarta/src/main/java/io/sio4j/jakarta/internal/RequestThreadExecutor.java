package io.sio4j.jakarta.internal;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs the engine's steps for a WebSocket upgrade request on the request's own container thread:
 * {@code ServerContainer.upgradeHttpToWebSocket} must be called from the servlet's {@code service},
 * so a middleware, {@code allowRequest} or {@code generateId} that answers later, from another
 * thread, hands its continuation back here, and {@link #drain} runs it. Only upgrade requests wait
 * like this; polling requests go async and free their thread.
 *
 * <pre>{@code
 * RequestThreadExecutor here = new RequestThreadExecutor();
 * EngineRequestFlow.run(core, host); // host.executor() is here; its answers call finish()
 * if (!here.drain(bound)) refuse(...);
 * }</pre>
 *
 * <p>Thread-safe: {@link #execute} from any thread; {@link #drain} by the request's thread only.
 */
final class RequestThreadExecutor implements Executor {
  private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private volatile boolean finished;

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /** The request was answered: {@link #drain} returns. */
  void finish() {
    finished = true;
    tasks.add(() -> {});
  }

  /**
   * Runs the handed-back steps on the calling thread until the request is answered or {@code bound}
   * has passed; returns whether it was answered.
   */
  boolean drain(Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!finished) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return false;
      Runnable task = tasks.poll(left, TimeUnit.NANOSECONDS);
      if (task != null) task.run();
    }
    return true;
  }
}
