package io.sio4j.server.http;

import io.sio4j.engine.HttpExchange;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A recorded HTTP exchange for handler tests; the response may arrive from another thread. */
final class FakeExchange implements HttpExchange {
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null ? null : v.get(0);
    }

    String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final String method;
  private final String uri;
  private final String path;
  private final Map<String, String> headers = new HashMap<>();
  private final CompletableFuture<Response> response = new CompletableFuture<>();

  FakeExchange(String method, String uri) {
    this.method = method;
    this.uri = uri;
    int q = uri.indexOf('?');
    this.path =
        java.net.URLDecoder.decode(
            q < 0 ? uri : uri.substring(0, q), java.nio.charset.StandardCharsets.UTF_8);
  }

  static FakeExchange get(String uri) {
    return new FakeExchange("GET", uri);
  }

  FakeExchange with(String name, String value) {
    headers.put(name.toLowerCase(Locale.ROOT), value);
    return this;
  }

  Response response() {
    try {
      return response.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("no response within " + Duration.ofSeconds(10) + ": " + e, e);
    }
  }

  boolean responded() {
    return response.isDone();
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String uri() {
    return uri;
  }

  @Override
  public Map<String, String> query() {
    return Map.of();
  }

  @Override
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public byte[] body() {
    return new byte[0];
  }

  @Override
  public void respond(int status, Map<String, List<String>> headers, byte[] body) {
    Map<String, List<String>> h = new TreeMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    if (!response.complete(new Response(status, h, body.clone()))) {
      throw new IllegalStateException("responded twice");
    }
  }
}
