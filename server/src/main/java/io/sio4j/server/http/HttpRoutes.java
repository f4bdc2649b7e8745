package io.sio4j.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.engine.HttpExchange;
import io.sio4j.engine.HttpHandler;
import io.sio4j.protocol.event.JsonBinding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One composable {@link HttpHandler}: exact-path routes for small endpoints and any other handlers
 * (static files, the browser client), tried in the order they were added; the first that handles
 * the request wins, and a request nobody handles is passed on ({@code false}: the engine answers
 * 404).
 *
 * <pre>{@code
 * HttpHandler http = HttpRoutes.create()
 *     .getJson("/api/health", exchange -> Map.of("status", "ok"))
 *     .get("/hello", exchange -> exchange.respond(200, "text/plain", "hi".getBytes()))
 *     .then(BrowserClient.at("/socket.io"))
 *     .then(StaticFiles.fromClasspath("public"));
 * }</pre>
 *
 * <p>Immutable and thread-safe: each method returns a new instance. Route handlers run on the event
 * loop and must not block; {@link #getJson} accepts a {@link CompletionStage} for slow work.
 */
public final class HttpRoutes implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.server");
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final List<HttpHandler> handlers;
  private final ObjectMapper mapper;

  private HttpRoutes(List<HttpHandler> handlers, ObjectMapper mapper) {
    this.handlers = List.copyOf(handlers);
    this.mapper = mapper;
  }

  /** No routes yet; JSON written with a new default mapper ({@link JsonBinding#create()}). */
  public static HttpRoutes create() {
    return new HttpRoutes(List.of(), JsonBinding.newDefaultMapper());
  }

  /** The given handlers, in order. */
  public static HttpRoutes of(HttpHandler... handlers) {
    HttpRoutes routes = create();
    for (HttpHandler h : handlers) routes = routes.then(h);
    return routes;
  }

  /** A copy writing JSON with {@code binding}'s mapper. */
  public HttpRoutes json(JsonBinding binding) {
    return new HttpRoutes(handlers, binding.mapper());
  }

  /** A copy that also tries {@code handler} after the current ones. */
  public HttpRoutes then(HttpHandler handler) {
    List<HttpHandler> list = new ArrayList<>(handlers);
    list.add(Objects.requireNonNull(handler, "handler"));
    return new HttpRoutes(list, mapper);
  }

  /**
   * A copy answering {@code method} requests for exactly {@code path} (no query) with {@code
   * handler}, which must respond.
   */
  public HttpRoutes route(String method, String path, HttpHandler handler) {
    String m = method.toUpperCase(Locale.ROOT);
    Objects.requireNonNull(handler, "handler");
    if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with '/'");
    return then(
        exchange -> {
          if (!exchange.path().equals(path)) return false;
          boolean head = m.equals("GET") && exchange.method().equals("HEAD");
          if (!exchange.method().equals(m) && !head) return false;
          handler.handle(exchange);
          return true;
        });
  }

  /** A copy answering GET (and HEAD) for exactly {@code path}. */
  public HttpRoutes get(String path, HttpHandler handler) {
    return route("GET", path, handler);
  }

  /**
   * A copy answering GET for {@code path} with the JSON of what {@code body} returns (a value, or a
   * {@link CompletionStage} of one). A failure is logged and answered with 500.
   */
  public HttpRoutes getJson(String path, Function<HttpExchange, ?> body) {
    Objects.requireNonNull(body, "body");
    return get(path, exchange -> respondJson(exchange, body));
  }

  @Override
  public boolean handle(HttpExchange exchange) {
    for (HttpHandler h : handlers) {
      if (h.handle(exchange)) return true;
    }
    return false;
  }

  private boolean respondJson(HttpExchange exchange, Function<HttpExchange, ?> body) {
    Object value;
    try {
      value = body.apply(exchange);
    } catch (RuntimeException e) {
      fail(exchange, e);
      return true;
    }
    if (value instanceof CompletionStage<?> stage) {
      stage.whenComplete(
          (v, e) -> {
            if (e != null) fail(exchange, e);
            else writeJson(exchange, v);
          });
    } else {
      writeJson(exchange, value);
    }
    return true;
  }

  private void writeJson(HttpExchange exchange, Object value) {
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      fail(exchange, e);
      return;
    }
    byte[] out = "HEAD".equals(exchange.method()) ? new byte[0] : json;
    exchange.respond(
        200, Map.of("content-type", List.of(JSON_TYPE), "cache-control", List.of("no-store")), out);
  }

  private static void fail(HttpExchange exchange, Throwable e) {
    log.warn("HTTP route {} failed", exchange.path(), e);
    exchange.respond(
        500, JSON_TYPE, "{\"error\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
  }
}
