package io.sio4j.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why a namespace connection failed, passed to {@code connect_error} listeners. A refusal by the
 * server's middleware carries its {@code message} and {@code data} and is not retried; a low-level
 * failure ({@code "xhr poll error"}, {@code "websocket error"}, {@code "timeout"}) has no data and
 * is retried when reconnection is on.
 *
 * <pre>{@code
 * socket.on("connect_error", (ConnectError e) -> {
 *   if (e.isRefusal()) System.out.println(e.getMessage() + " " + e.data());
 * });
 * }</pre>
 *
 * <p>Immutable.
 */
public final class ConnectError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient JsonNode data;
  private final boolean refusal;

  ConnectError(String message, JsonNode data, boolean refusal, Throwable cause) {
    super(message, cause);
    this.data = data;
    this.refusal = refusal;
  }

  /** The {@code data} the server attached to its refusal, or null. */
  public JsonNode data() {
    return data;
  }

  /**
   * Whether the server refused the connection (CONNECT_ERROR) rather than the transport failing.
   */
  public boolean isRefusal() {
    return refusal;
  }
}
