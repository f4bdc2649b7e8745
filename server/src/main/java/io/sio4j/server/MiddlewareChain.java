package io.sio4j.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a list of middlewares one after the other; each must call {@code proceed} or {@code fail}
 * exactly once (later calls are ignored), possibly later from another thread.
 */
final class MiddlewareChain {
  /** How to call one middleware of the list. */
  @FunctionalInterface
  interface Step<M> {
    void run(M middleware, Middleware.Next next) throws Exception;
  }

  private MiddlewareChain() {}

  /** Runs {@code fns}, then {@code done} with null, or with the first error. */
  static <M> void run(List<M> fns, Step<M> step, Consumer<Throwable> done) {
    if (fns.isEmpty()) {
      done.accept(null);
      return;
    }
    next(List.copyOf(fns), 0, step, done);
  }

  private static <M> void next(List<M> fns, int i, Step<M> step, Consumer<Throwable> done) {
    if (i >= fns.size()) {
      done.accept(null);
      return;
    }
    AtomicBoolean called = new AtomicBoolean();
    Middleware.Next next =
        new Middleware.Next() {
          @Override
          public void proceed() {
            if (called.compareAndSet(false, true)) MiddlewareChain.next(fns, i + 1, step, done);
          }

          @Override
          public void fail(Throwable error) {
            if (called.compareAndSet(false, true)) {
              done.accept(error == null ? new ConnectError("middleware error") : error);
            }
          }
        };
    try {
      step.run(fns.get(i), next);
    } catch (Exception e) {
      next.fail(e);
    }
  }
}
