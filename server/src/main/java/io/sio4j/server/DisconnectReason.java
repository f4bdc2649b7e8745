package io.sio4j.server;

import java.util.Set;

/**
 * The reasons given to {@code "disconnecting"} and {@code "disconnect"} listeners, the same strings
 * as the official server's.
 *
 * <pre>{@code
 * socket.on("disconnect", (String reason) -> {
 *   if (DisconnectReason.PING_TIMEOUT.equals(reason)) log.info("client vanished");
 * });
 * }</pre>
 *
 * <p>Constants only; thread-safe.
 */
public final class DisconnectReason {
  /** The server called {@code socket.disconnect()}. */
  public static final String SERVER_NAMESPACE_DISCONNECT = "server namespace disconnect";

  /** The client called {@code socket.disconnect()} (it sent a DISCONNECT packet). */
  public static final String CLIENT_NAMESPACE_DISCONNECT = "client namespace disconnect";

  /** The server is closing ({@code io.close()}). */
  public static final String SERVER_SHUTTING_DOWN = "server shutting down";

  /** The client did not answer a ping within pingTimeout. */
  public static final String PING_TIMEOUT = "ping timeout";

  /** The connection was closed (the user closed the page, the network went away...). */
  public static final String TRANSPORT_CLOSE = "transport close";

  /** The connection met an error. */
  public static final String TRANSPORT_ERROR = "transport error";

  /** The client sent a packet the server could not decode or that broke the protocol. */
  public static final String PARSE_ERROR = "parse error";

  /** The client closed the Engine.IO session. */
  public static final String FORCED_CLOSE = "forced close";

  /** The server closed the whole connection ({@code socket.disconnect(true)}). */
  public static final String FORCED_SERVER_CLOSE = "forced server close";

  /**
   * Reasons after which a session is kept for connection state recovery: the client may come back
   * (see {@link ServerOptions#connectionStateRecovery()}).
   */
  public static final Set<String> RECOVERABLE =
      Set.of(
          TRANSPORT_ERROR,
          TRANSPORT_CLOSE,
          FORCED_CLOSE,
          PING_TIMEOUT,
          SERVER_SHUTTING_DOWN,
          FORCED_SERVER_CLOSE);

  private DisconnectReason() {}
}
