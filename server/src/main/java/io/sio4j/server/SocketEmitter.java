package io.sio4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.SocketDisconnectedException;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.server.adapter.BroadcastFlags;
import io.sio4j.server.adapter.BroadcastOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends events to one socket with modifiers: returned by {@link Socket#timeout(Duration)}, {@link
 * Socket#asVolatile()} and {@link Socket#compress(boolean)}. Each modifier returns a new emitter,
 * so one can be kept and shared (the JavaScript {@code socket.volatile} flag is a race in Java).
 *
 * <pre>{@code
 * socket.timeout(Duration.ofSeconds(5)).emitWithAck("question")
 *     .whenComplete((ack, err) -> {
 *       if (err != null) log.info("no answer in time");
 *       else log.info("answer: {}", ack.get(0, String.class));
 *     });
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 */
public final class SocketEmitter {
  private final Socket socket;
  private final BroadcastFlags flags;

  SocketEmitter(Socket socket, BroadcastFlags flags) {
    this.socket = socket;
    this.flags = flags;
  }

  /** A copy whose acknowledgements fail with {@link AckTimeoutException} after {@code timeout}. */
  public SocketEmitter timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new SocketEmitter(socket, flags.withTimeout(timeout));
  }

  /** A copy whose packets may be dropped when the client cannot take them right away. */
  public SocketEmitter asVolatile() {
    return new SocketEmitter(socket, flags.withVolatile(true));
  }

  /** A copy with compression allowed or not. */
  public SocketEmitter compress(boolean compress) {
    return new SocketEmitter(socket, flags.withCompress(compress));
  }

  /**
   * Sends an event.
   *
   * @throws IllegalArgumentException for a reserved event name ({@code connect}, {@code
   *     disconnect}...)
   */
  public SocketEmitter emit(String event, Object... args) {
    Namespace nsp = socket.nsp();
    if (!socket.hasOutgoingListeners() && (flags.isVolatile() || !nsp.recoversSessions())) {
      // fast path: straight from the Java values to the frames, no intermediate tree
      Namespace.checkEventName(event);
      socket
          .client()
          .write(
              nsp.frames(
                  nsp.server().parser().encoder().encodeEvent(nsp.name(), -1, event, args), flags));
      return this;
    }
    SocketPacket packet = nsp.eventPacket(event, -1, args);
    if (!flags.isVolatile() && nsp.recoversSessions()) {
      // through the adapter, so that the packet gets an offset and can be replayed on recovery
      nsp.adapter().broadcast(packet, new BroadcastOptions(Set.of(socket.id()), Set.of(), flags));
    } else {
      socket.writePacket(packet, nsp.encode(packet, flags));
    }
    return this;
  }

  /** Sends a {@code message} event. */
  public SocketEmitter send(Object... args) {
    return emit("message", args);
  }

  /**
   * Sends an event that asks for an acknowledgement; the future completes with the client's answer,
   * or fails with {@link AckTimeoutException} when a timeout is set and fires first, or with {@link
   * SocketDisconnectedException} when the socket disconnects first (as on the client).
   */
  public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
    Namespace nsp = socket.nsp();
    long ackId = nsp.nextAckId();
    SocketPacket packet = nsp.eventPacket(event, ackId, args);
    CompletableFuture<Arguments> result = new CompletableFuture<>();
    boolean registered =
        socket.registerAck(
            ackId,
            new Socket.PendingAck(
                answer -> result.complete(response(answer)),
                () -> result.completeExceptionally(new SocketDisconnectedException())));
    if (!registered) {
      result.completeExceptionally(
          new IllegalStateException(
              "the client owes too many acknowledgements (maxPendingAcks): not sent"));
      return result;
    }
    Duration timeout = flags.timeout();
    if (timeout != null) {
      Cancellable timer =
          socket
              .timers()
              .schedule(
                  () -> {
                    socket.removeAck(ackId);
                    nsp.server().instruments().ackTimedOut(nsp.name());
                    result.completeExceptionally(new AckTimeoutException(List.of()));
                  },
                  timeout);
      // the answer (or the disconnect) ends the wait: the timer must not outlive it
      result.whenComplete((r, e) -> timer.cancel());
    }
    socket.writePacket(packet, nsp.encode(packet, flags));
    return result;
  }

  private Arguments response(ArrayNode answer) {
    return new Arguments(socket.id(), answer, socket.server().binding());
  }
}
