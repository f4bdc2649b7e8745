package io.sio4j.client;

import io.sio4j.protocol.event.Arguments;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An emit with flags, from {@link Socket#timeout(Duration)} or {@link Socket#asVolatile()}.
 * Immutable: each flag method returns a new emitter, so emitters can be kept and shared (unlike the
 * JavaScript client's flags, which live on the socket until the next emit).
 *
 * <pre>{@code
 * socket.timeout(Duration.ofSeconds(2)).emitWithAck("question").thenAccept(...);
 * socket.asVolatile().emit("position", x, y);   // dropped unless it can be written at once
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SocketEmitter {
  private final Socket socket;
  private final Duration timeout;
  private final boolean volatileFlag;

  SocketEmitter(Socket socket, Duration timeout, boolean volatileFlag) {
    this.socket = socket;
    this.timeout = timeout;
    this.volatileFlag = volatileFlag;
  }

  /** The same emitter with an ack timeout. */
  public SocketEmitter timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new SocketEmitter(socket, timeout, volatileFlag);
  }

  /** The same emitter, volatile: the packet is dropped when it cannot be written at once. */
  public SocketEmitter asVolatile() {
    return new SocketEmitter(socket, timeout, true);
  }

  /**
   * Emits an event; a trailing {@link AckCallback} receives the acknowledgement (or the timeout).
   */
  public SocketEmitter emit(String event, Object... args) {
    socket.emit(event, args, timeout, volatileFlag);
    return this;
  }

  /** Emits an event and completes with the acknowledgement (or fails on timeout/disconnect). */
  public CompletableFuture<Arguments> emitWithAck(String event, Object... args) {
    return socket.emitWithAck(event, args, timeout, volatileFlag);
  }
}
