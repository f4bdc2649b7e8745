package io.sio4j.engine.internal;

/**
 * The Engine.IO request errors, with the codes, messages and HTTP statuses of the official server
 * ({@code Server.errors} in engine.io). Shared by every host.
 */
public enum EngineError {
  UNKNOWN_TRANSPORT(0, "Transport unknown", 400),
  UNKNOWN_SID(1, "Session ID unknown", 400),
  BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400),
  BAD_REQUEST(3, "Bad request", 400),
  FORBIDDEN(4, "Forbidden", 403),
  UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400),
  /**
   * A sio4j addition: {@code maxSessions} sessions are open (the client sees code 4 as a refusal).
   */
  SERVER_FULL(4, "Server full", 503);

  /** The Engine.IO error code. */
  public final int code;

  /** The official message. */
  public final String message;

  /** The HTTP status. */
  public final int status;

  EngineError(int code, String message, int status) {
    this.code = code;
    this.message = message;
    this.status = status;
  }
}
