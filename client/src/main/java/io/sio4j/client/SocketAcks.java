package io.sio4j.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.event.SocketDisconnectedException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledgements one socket waits for: the callback by ack id, its timer, and what happens on
 * timeout (the buffered packet is dropped too) and on disconnection (callbacks of packets that were
 * already sent fail; buffered ones wait for the next connection).
 *
 * <p>Confined to the Manager's thread.
 */
final class SocketAcks {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client");

  private record Pending(AckCallback callback, Runnable cancelTimer) {}

  private final Manager io;
  private final Socket socket;
  private final ListenerRegistry listeners;
  private final List<Socket.Outgoing> sendBuffer;
  private final Map<Long, Pending> pending = new HashMap<>();

  SocketAcks(
      Socket socket, Manager io, ListenerRegistry listeners, List<Socket.Outgoing> sendBuffer) {
    this.socket = socket;
    this.io = io;
    this.listeners = listeners;
    this.sendBuffer = sendBuffer;
  }

  /**
   * The timer runs on the JDK's shared daemon delay thread, not on the Manager's loop: the loop
   * ends while the Manager is idle (e.g. it never connected, or gave up reconnecting), and the
   * timeout must fire all the same, as in the JavaScript client. It then hops to the Manager's
   * thread, which starts again for it if needed.
   */
  void register(long ackId, AckCallback callback, Duration timeout) {
    Runnable cancel = () -> {};
    if (timeout != null) {
      AtomicBoolean cancelled = new AtomicBoolean();
      cancel = () -> cancelled.set(true);
      Executor delayed = CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS);
      delayed.execute(
          () -> {
            if (cancelled.get()) return;
            io.execute(
                () -> {
                  if (pending.remove(ackId) == null) return;
                  sendBuffer.removeIf(o -> o.ackId() == ackId);
                  log.debug("ack {} timed out after {}", ackId, timeout);
                  deliver(callback, null, new AckTimeoutException());
                });
          });
    }
    pending.put(ackId, new Pending(callback, cancel));
  }

  void onAck(long ackId, ArrayNode args) {
    Pending p = pending.remove(ackId);
    if (p == null) {
      log.debug("ack {} unknown or late, ignored", ackId);
      return;
    }
    p.cancelTimer().run();
    deliver(p.callback(), new Arguments(socket.id(), args, io.binding), null);
  }

  /** On disconnection: fails the acks of packets that left, keeps those still buffered. */
  void failUnbuffered() {
    pending
        .entrySet()
        .removeIf(
            e -> {
              long id = e.getKey();
              if (sendBuffer.stream().anyMatch(o -> o.ackId() == id)) return false;
              e.getValue().cancelTimer().run();
              deliver(e.getValue().callback(), null, new SocketDisconnectedException());
              return true;
            });
  }

  private void deliver(AckCallback callback, Arguments response, Throwable error) {
    listeners.run(() -> callback.call(response, error));
  }
}
