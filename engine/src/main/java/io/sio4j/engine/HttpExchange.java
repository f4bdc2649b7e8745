package io.sio4j.engine;

import java.util.List;
import java.util.Map;

/**
 * One plain HTTP request and its response, for {@link HttpHandler}. The body is fully read (bounded
 * by {@link EngineOptions#maxHttpBufferSize()}). Respond exactly once; it may be done later from
 * any thread.
 */
public interface HttpExchange {
  /** The method, upper-case. */
  String method();

  /** The decoded path, without the query. */
  String path();

  /** The raw request URI. */
  String uri();

  /** Query parameters (first value wins). */
  Map<String, String> query();

  /** First value of a header (case-insensitive), or {@code null}. */
  String header(String name);

  /** The request body. */
  byte[] body();

  /** Sends a response. {@code headers} are added as given; Content-Length is set for you. */
  void respond(int status, Map<String, List<String>> headers, byte[] body);

  /** Sends a response with a content type. */
  default void respond(int status, String contentType, byte[] body) {
    respond(status, Map.of("content-type", List.of(contentType)), body);
  }
}
