package io.sio4j.server;

/**
 * A per-socket middleware run for every incoming event before its listeners ({@code
 * socket.use(...)}). {@link Middleware.Next#fail(Throwable)} drops the event and hands the error to
 * the socket's {@link Socket#onError error listeners}.
 *
 * <pre>{@code
 * socket.use((event, next) -> {
 *   if ("secret".equals(event.name()) && !isAdmin(socket)) next.fail(new IllegalStateException("no"));
 *   else next.proceed();
 * });
 * }</pre>
 *
 * <p>Called on the connection's event loop (or the listener executor, when configured).
 */
@FunctionalInterface
public interface EventMiddleware {

  /** Runs the middleware for one incoming event. */
  void handle(SocketEvent event, Middleware.Next next) throws Exception;
}
