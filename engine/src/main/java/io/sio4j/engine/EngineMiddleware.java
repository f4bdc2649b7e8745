package io.sio4j.engine;

/**
 * HTTP middleware of the Engine.IO server (the official {@code engine.use((req, res, next) =>
 * ...)}): runs, in the order added, for every HTTP request of the Engine.IO path (the handshake,
 * each polling GET and POST, and the WebSocket upgrade; not the CORS preflight nor the frames of an
 * open WebSocket) before the server's own checks. Each middleware either calls {@link
 * Next#proceed()}, refuses with {@link Next#fail(Throwable)} (answered like the official server's
 * {@code MIDDLEWARE_FAILURE}: HTTP 400 {@code {"code":3,"message":"Bad request"}}), or answers the
 * request itself with {@link EngineResponse#end(int, String, String)}.
 *
 * <pre>{@code
 * io.engine().use((req, res, next) -> {
 *   boolean handshake = !req.query().containsKey("sid");
 *   if (!handshake) { next.proceed(); return; }
 *   sessions.lookup(req.cookies().get("app_session"))          // async: the event loop is free
 *       .whenComplete((user, err) -> {
 *         if (user != null) next.proceed();
 *         else res.end(401, "text/plain", "login first");
 *       });
 * });
 * }</pre>
 *
 * <p>Threading: called on the connection's event loop; must not block. {@code next} and {@code
 * res.end} may be called later from any thread; only the first of them counts. A middleware that
 * throws counts as {@code next.fail(exception)}. A middleware that never answers leaves the request
 * waiting (as in Node) until the client gives up and closes the connection; nothing is kept after
 * that.
 */
@FunctionalInterface
public interface EngineMiddleware {

  /** Handles one request: answer it or call {@code next}. */
  void handle(HandshakeRequest request, EngineResponse response, Next next);

  /** What comes after one middleware (the official {@code next} callback). */
  interface Next {
    /** Goes on with the next middleware, then the server ({@code next()}). */
    void proceed();

    /** Refuses the request with HTTP 400, code 3 "Bad request" ({@code next(err)}). */
    void fail(Throwable error);
  }
}
