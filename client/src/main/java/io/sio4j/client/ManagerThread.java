package io.sio4j.client;

import io.sio4j.client.internal.engine.ClientLoop;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Manager's thread, started on demand and ended once the Manager is idle (no connection, no
 * reconnection timer, nothing left to flush), so that a program exits after closing its sockets. A
 * task queued on a thread that went idle meanwhile moves to the next thread, which starts only
 * after the previous one ended: the Manager's state is never touched by two threads at once.
 *
 * <p>Thread-safe; {@code loop} is guarded by {@code lock}.
 */
final class ManagerThread {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client");

  private final Object lock = new Object();
  private final String name;
  private final BooleanSupplier idle;
  private ClientLoop loop;

  ManagerThread(String name, BooleanSupplier idle) {
    this.name = name;
    this.idle = idle;
  }

  /** Runs the task on the thread (at once when called there), then ends the thread if idle. */
  void execute(Runnable task) {
    ClientLoop l;
    synchronized (lock) {
      if (loop == null || loop.isShutdown()) loop = ClientLoop.create(loop);
      l = loop;
    }
    l.run(
        () -> {
          if (l.isShutdown()) {
            execute(task);
            return;
          }
          task.run();
          stopIfIdle();
        });
  }

  /** The current loop, for timers and transports. */
  ClientLoop loop() {
    synchronized (lock) {
      return loop;
    }
  }

  /** Ends the thread when the Manager is idle; call on the thread. */
  void stopIfIdle() {
    if (!idle.getAsBoolean()) return;
    synchronized (lock) {
      if (loop != null && !loop.isShutdown()) {
        log.debug("{}: idle, ending the client thread", name);
        loop.shutdown();
      }
    }
  }
}
