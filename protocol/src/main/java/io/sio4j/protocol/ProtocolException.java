package io.sio4j.protocol;

/**
 * Input that does not follow the Engine.IO or Socket.IO protocol. The message says what was wrong
 * and is safe to log (it never echoes more than a short prefix of the input).
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a description of the violation. */
  public ProtocolException(String message) {
    super(message, null, false, false);
  }

  /** Creates an exception with a description and the underlying cause. */
  public ProtocolException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
