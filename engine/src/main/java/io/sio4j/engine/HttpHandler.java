package io.sio4j.engine;

/**
 * Serves plain HTTP requests that are not for the Engine.IO path, on the same port (pages, static
 * files, the browser client bundle). Runs on an event loop: must not block.
 *
 * <pre>{@code
 * HttpHandler pages = exchange -> {
 *   if (!exchange.path().equals("/")) return false;
 *   exchange.respond(200, "text/html; charset=utf-8", html);
 *   return true;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface HttpHandler {
  /** Handles the request, or returns {@code false} to pass it on (the last handler answers 404). */
  boolean handle(HttpExchange exchange);
}
