package io.sio4j.engine.internal;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work an event loop defers to "after this read", in one loop task per turn instead of one per
 * item: the layer above's listener tasks ({@link EngineSession#runAfterRead}, Node's {@code
 * process.nextTick}), then the flush of every session written to meanwhile. A read of many messages
 * on many connections costs one deferred task and one socket flush per connection, not a listener
 * task per event plus a flush task per connection.
 *
 * <p>Threading: one instance per event-loop thread, used only on it.
 */
final class LoopTurn {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private static final FastThreadLocal<LoopTurn> CURRENT =
      new FastThreadLocal<>() {
        @Override
        protected LoopTurn initialValue() {
          return new LoopTurn();
        }
      };

  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final ArrayList<EngineSession> dirty = new ArrayList<>();
  private final Runnable drain = this::drain;
  private Executor loop;
  private boolean scheduled;

  /** The calling event-loop thread's instance; {@code loop} is that thread's event loop. */
  static LoopTurn of(Executor loop) {
    LoopTurn turn = CURRENT.get();
    turn.loop = loop;
    return turn;
  }

  /** Runs {@code task} after what is being handled now, in order with the other deferred tasks. */
  void later(Runnable task) {
    tasks.add(task);
    schedule();
  }

  /** Flushes {@code session} at the end of this turn's deferred work. */
  void flushLater(EngineSession session) {
    dirty.add(session);
    schedule();
  }

  private void schedule() {
    if (scheduled) return;
    scheduled = true;
    try {
      loop.execute(drain);
    } catch (RejectedExecutionException e) {
      // the loop is shutting down: nobody else runs on it any more
      drain();
    }
  }

  private void drain() {
    // only what is queued now: work queued by this work waits for the next task, so a listener
    // that keeps queueing cannot starve the loop's I/O
    int n = tasks.size();
    for (int i = 0; i < n; i++) {
      Runnable task = tasks.poll();
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("deferred task failed", e);
      }
    }
    // the writes of those tasks (and of the reads before them): one flush per session
    int m = dirty.size();
    for (int i = 0; i < m; i++) {
      try {
        dirty.get(i).flushQueued();
      } catch (RuntimeException e) {
        log.warn("flush failed", e);
      }
    }
    if (m == dirty.size()) dirty.clear();
    else dirty.subList(0, m).clear();
    scheduled = false;
    if (!tasks.isEmpty() || !dirty.isEmpty()) schedule();
  }
}
