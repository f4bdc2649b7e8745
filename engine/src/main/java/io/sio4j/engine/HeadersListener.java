package io.sio4j.engine;

import java.util.List;
import java.util.Map;

/**
 * Edits the headers of an Engine.IO response just before it is written: the official {@code
 * initial_headers} (the handshake response only: the first polling response or the 101 of a
 * WebSocket-only handshake) and {@code headers} (every polling response of a session and the 101 of
 * each WebSocket, handshake or upgrade) events. Error answers and CORS preflights are not included,
 * as in the official server.
 *
 * <pre>{@code
 * io.engine().on("initial_headers", (headers, req) ->
 *     headers.put("set-cookie", List.of("app_session=" + newSessionId() + "; Path=/; HttpOnly")));
 * io.engine().on("headers", (headers, req) ->
 *     headers.put("x-content-type-options", List.of("nosniff")));
 * }</pre>
 *
 * <p>The map is mutable, its names case-insensitive; a list put there may be immutable. It holds
 * what the server set so far ({@code content-type}, the sid cookie's {@code set-cookie}, headers
 * set by {@link EngineMiddleware}s); {@code content-length}, {@code connection} and the CORS and
 * WebSocket handshake headers are set after the listeners and cannot be changed here.
 *
 * <p>Threading: called on the event loop of the request; must not block.
 */
@FunctionalInterface
public interface HeadersListener {
  /** Edits {@code headers} in place. */
  void onHeaders(Map<String, List<String>> headers, HandshakeRequest request);
}
