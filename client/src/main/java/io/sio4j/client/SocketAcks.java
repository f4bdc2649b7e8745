package io.sio4j.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.event.SocketDisconnectedException;
import io.sio4j.protocol.time.Cancellable;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private record Pending(AckCallback callback, Cancellable timer) {}

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
   * The timer runs on the Manager's loop, which keeps its thread alive while the timer is pending
   * (even when the Manager is idle: it never connected, or gave up reconnecting), so the timeout
   * fires all the same, as in the JavaScript client. The answer cancels it.
   */
  void register(long ackId, AckCallback callback, Duration timeout) {
    Cancellable timer = Cancellable.NONE;
    if (timeout != null) {
      timer =
          io.loop()
              .schedule(
                  () -> {
                    if (pending.remove(ackId) == null) return;
                    sendBuffer.removeIf(o -> o.ackId() == ackId);
                    log.debug("ack {} timed out after {}", ackId, timeout);
                    deliver(callback, null, new AckTimeoutException());
                  },
                  timeout);
    }
    pending.put(ackId, new Pending(callback, timer));
  }

  void onAck(long ackId, ArrayNode args) {
    Pending p = pending.remove(ackId);
    if (p == null) {
      log.debug("ack {} unknown or late, ignored", ackId);
      return;
    }
    p.timer().cancel();
    deliver(p.callback(), new Arguments(socket.id(), args, io.binding), null);
  }

  /** On disconnection: fails the acks of packets that left, keeps those still buffered. */
  void failUnbuffered() {
    if (pending.isEmpty()) return;
    // one pass over the buffer: it may hold thousands of packets after a long disconnection
    Set<Long> buffered = new HashSet<>();
    for (Socket.Outgoing o : sendBuffer) buffered.add(o.ackId());
    pending
        .entrySet()
        .removeIf(
            e -> {
              if (buffered.contains(e.getKey())) return false;
              e.getValue().timer().cancel();
              deliver(e.getValue().callback(), null, new SocketDisconnectedException());
              return true;
            });
  }

  private void deliver(AckCallback callback, Arguments response, Throwable error) {
    listeners.run(() -> callback.call(response, error));
  }
}
