package io.sio4j.server;

/**
 * A namespace middleware, run for every socket before it connects ({@code io.use(...)}). Call
 * {@link Next#proceed()} to go on, or {@link Next#fail(Throwable)} to refuse the connection, which
 * reaches the client as {@code connect_error} (see {@link ConnectError}). Either may be called
 * later, from any thread; a middleware that throws fails the connection with that exception.
 *
 * <pre>{@code
 * io.use((socket, next) -> {
 *   if (socket.handshake().auth().has("token")) next.proceed();
 *   else next.fail(new ConnectError("not authorized", Map.of("content", "Please retry later")));
 * });
 * }</pre>
 *
 * <p>Called on the connection's event loop (or the listener executor, when configured).
 */
@FunctionalInterface
public interface Middleware {

  /** Runs the middleware for a socket that is not connected yet. */
  void handle(Socket socket, Next next) throws Exception;

  /**
   * Continues or stops a middleware chain; the first call wins, later ones are ignored.
   *
   * <p>Thread-safe.
   */
  interface Next {
    /** Goes on with the next middleware (or connects / dispatches when it was the last). */
    void proceed();

    /** Stops the chain with an error. */
    void fail(Throwable error);
  }
}
