package io.sio4j.client;

import io.sio4j.protocol.event.Arguments;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At-least-once delivery ({@link ClientOptions#retries()}): emits go out one at a time, each with
 * an ack request; an emit whose ack times out (or whose connection drops) is sent again, up to
 * {@code retries} more times, then its callback gets the error. As in the JavaScript client, the
 * next emit waits until the current one is acknowledged or given up.
 *
 * <p>Confined to the Manager's thread.
 */
final class RetryQueue {
  private static final class Entry {
    final String event;
    final Object[] args;
    final AckCallback callback;
    final Duration timeout;
    int tries;
    boolean pending;

    Entry(String event, Object[] args, AckCallback callback, Duration timeout) {
      this.event = event;
      this.args = args;
      this.callback = callback;
      this.timeout = timeout;
    }
  }

  private final Socket socket;
  private final int retries;
  private final Deque<Entry> queue = new ArrayDeque<>();

  RetryQueue(Socket socket, int retries) {
    this.socket = socket;
    this.retries = retries;
  }

  void add(String event, Object[] args, AckCallback callback, Duration timeout) {
    queue.add(new Entry(event, args, callback, timeout));
    drain(false);
  }

  /** Sends the head of the queue unless it waits for its ack ({@code force}: send it anyway). */
  void drain(boolean force) {
    if (!socket.connected() || queue.isEmpty()) return;
    Entry e = queue.peek();
    if (e.pending && !force) return;
    e.pending = true;
    e.tries++;
    try {
      socket.emitNow(
          e.event,
          e.args,
          (r, err) -> socket.io().execute(() -> onAck(e, r, err)),
          e.timeout,
          false);
    } catch (RuntimeException ex) {
      queue.poll();
      notify(e, null, ex);
      drain(false);
    }
  }

  private void onAck(Entry e, Arguments response, Throwable error) {
    if (queue.peek() != e) return; // already acknowledged
    if (error != null) {
      if (e.tries > retries) {
        queue.poll();
        notify(e, null, error);
      }
    } else {
      queue.poll();
      notify(e, response, null);
    }
    e.pending = false;
    drain(false);
  }

  private void notify(Entry e, Arguments response, Throwable error) {
    if (e.callback != null) socket.runListener(() -> e.callback.call(response, error));
  }
}
