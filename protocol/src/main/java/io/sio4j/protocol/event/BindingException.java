package io.sio4j.protocol.event;

/**
 * An incoming argument did not fit the type a listener declared. The caller logs it (and may tell
 * the application through an error hook); it never reaches the network layer.
 *
 * <pre>{@code
 * try {
 *   invoker.invoke(listener, args, ack);
 * } catch (BindingException e) {
 *   log.debug("event {} dropped: {}", event, e.getMessage());
 * }
 * }</pre>
 */
public final class BindingException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public BindingException(String message, Throwable cause) {
    super(message, cause);
  }
}
