package io.sio4j.client.internal.engine;

/** A transport-level failure ("xhr poll error", "websocket error", "parse error", ...). */
public final class EngineIoException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the failure as engine.io-client does. */
  public EngineIoException(String message, Throwable cause) {
    super(cause == null ? message : message + ": " + cause.getMessage(), cause);
  }
}
