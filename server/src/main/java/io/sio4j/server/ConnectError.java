package io.sio4j.server;

/**
 * Refuses a connection from a middleware: the client gets a CONNECT_ERROR packet with {@code
 * {"message": getMessage(), "data": data()}}, that is {@code connect_error} with {@code
 * err.message} and {@code err.data} on the JavaScript side. Any other exception passed to {@link
 * Middleware.Next#fail(Throwable)} gives its message and no data.
 *
 * <pre>{@code
 * io.use((socket, next) -> next.fail(new ConnectError("not authorized", Map.of("retry", false))));
 * }</pre>
 *
 * <p>Immutable.
 */
public class ConnectError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The data, serialised with Jackson; transient because it need not be serialisable. */
  private final transient Object data;

  /** An error with a message and no data. */
  public ConnectError(String message) {
    this(message, null);
  }

  /** An error with a message and data (any Jackson-serialisable value, or {@code null}). */
  public ConnectError(String message, Object data) {
    super(message, null, false, false);
    this.data = data;
  }

  /** The data sent to the client, or {@code null}. */
  public Object data() {
    return data;
  }
}
