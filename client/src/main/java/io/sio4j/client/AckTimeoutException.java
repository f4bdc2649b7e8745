package io.sio4j.client;

/**
 * The server did not acknowledge an emit within its timeout ({@link Socket#timeout}, {@link
 * ClientOptions#ackTimeout()}); the JavaScript client's "operation has timed out".
 *
 * <pre>{@code
 * socket.timeout(Duration.ofSeconds(2)).emitWithAck("q").exceptionally(e -> ...);
 * }</pre>
 */
public final class AckTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AckTimeoutException() {
    super("operation has timed out", null, false, false);
  }
}
