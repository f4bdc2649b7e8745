package io.sio4j.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection state recovery settings: a client that lost its connection and comes back within
 * {@code maxDisconnectionDuration} gets its socket id, rooms, {@link Socket#data() data} and the
 * events it missed; {@link Socket#recovered()} is then true. Off unless configured.
 *
 * <pre>{@code
 * SocketIoServer.builder()
 *     .connectionStateRecovery(new ConnectionStateRecovery(Duration.ofMinutes(2), true))
 *     .build();
 * }</pre>
 *
 * <p>Immutable.
 *
 * @param maxDisconnectionDuration how long a session is kept (official default 2 minutes)
 * @param skipMiddlewares whether a recovered socket skips the namespace middlewares (default true)
 */
public record ConnectionStateRecovery(Duration maxDisconnectionDuration, boolean skipMiddlewares) {

  /** The official defaults: 2 minutes, skip middlewares. */
  public static final ConnectionStateRecovery DEFAULT =
      new ConnectionStateRecovery(Duration.ofMinutes(2), true);

  /** Validates. */
  public ConnectionStateRecovery {
    Objects.requireNonNull(maxDisconnectionDuration, "maxDisconnectionDuration");
    if (maxDisconnectionDuration.isNegative() || maxDisconnectionDuration.isZero()) {
      throw new IllegalArgumentException("maxDisconnectionDuration must be > 0");
    }
  }
}
