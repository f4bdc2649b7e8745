package io.sio4j.jakarta.internal;

import io.sio4j.engine.CorsOptions;
import io.sio4j.engine.HttpExchange;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link HttpExchange} over an async servlet request, for the server's {@link
 * io.sio4j.engine.HttpHandler} (pages, static files, the browser bundle): the same handler serves
 * on either host. The body has been read (bounded) before the handler runs.
 *
 * <p>Thread-safe: {@link #respond} may be called once, from any thread.
 */
final class ServletHttpExchange implements HttpExchange {
  private final AsyncContext async;
  private final CorsOptions cors;
  private final String method;
  private final String path;
  private final String uri;
  private final Map<String, String> query;
  private final HttpServletRequest request;
  private final byte[] body;
  private final AtomicBoolean responded = new AtomicBoolean();

  ServletHttpExchange(
      AsyncContext async, CorsOptions cors, String path, String rawQuery, byte[] body) {
    this.async = async;
    this.cors = cors;
    this.request = (HttpServletRequest) async.getRequest();
    this.method = request.getMethod();
    this.path = path;
    this.uri = rawQuery == null ? path : path + "?" + rawQuery;
    Map<String, String> q = new LinkedHashMap<>();
    QueryStrings.parse(rawQuery).forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
    this.query = Collections.unmodifiableMap(q);
    this.body = body;
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
    return query;
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public void respond(int status, Map<String, List<String>> headers, byte[] body) {
    if (!responded.compareAndSet(false, true)) {
      throw new IllegalStateException("already responded");
    }
    HttpServletResponse res = (HttpServletResponse) async.getResponse();
    res.setStatus(status);
    String contentLength = null;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("content-length")) {
        contentLength = e.getValue().isEmpty() ? null : e.getValue().get(0);
        continue;
      }
      for (String v : e.getValue()) res.addHeader(e.getKey(), v);
    }
    CorsHeaders.add(cors, request.getHeader("Origin"), res);
    if (body.length > 0 || contentLength == null) {
      res.setContentLengthLong(body.length);
    } else {
      // a bodiless answer may carry the length of what a GET would send (HEAD)
      res.setHeader("Content-Length", contentLength);
    }
    AsyncWrite.start(async, new byte[][] {body.clone()});
  }

  /** Sends an empty answer with this status unless one was sent. */
  void respondIfNot(int status) {
    if (responded.compareAndSet(false, true)) {
      HttpServletResponse res = (HttpServletResponse) async.getResponse();
      res.setStatus(status);
      res.setContentLength(0);
      AsyncWrite.complete(async);
    }
  }
}
