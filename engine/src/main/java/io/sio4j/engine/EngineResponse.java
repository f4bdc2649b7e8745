package io.sio4j.engine;

import java.util.List;
import java.util.Map;

/**
 * The response of a request seen by an {@link EngineMiddleware}, before the server writes it.
 * Headers set here are added to whatever the server answers (the polling response, the error
 * answer, or the 101 of a WebSocket upgrade), like {@code res.setHeader} in Node.
 *
 * <pre>{@code
 * io.engine().use((req, res, next) -> {
 *   res.setHeader("x-frame-options", "DENY");
 *   if (req.header("authorization") == null) res.end(401, "text/plain", "who are you?");
 *   else next.proceed();
 * });
 * }</pre>
 *
 * <p>Threading: thread-safe; headers must be set before {@code next.proceed()} or {@code end}.
 */
public interface EngineResponse {

  /** Sets a header (replacing earlier values of that name, case-insensitive). */
  void setHeader(String name, String value);

  /** Adds one more value for a header. */
  void addHeader(String name, String value);

  /** The headers set so far: names case-insensitive; a copy. */
  Map<String, List<String>> headers();

  /**
   * Answers the request and ends the chain: no later middleware nor the server sees it. On a
   * WebSocket upgrade request the answer is sent and the connection is closed.
   *
   * @param status the HTTP status, e.g. 401
   * @param contentType the body's type, or null for none
   * @param body the body, or null for none
   */
  void end(int status, String contentType, String body);

  /** Answers with a status and no body. */
  default void end(int status) {
    end(status, null, null);
  }
}
