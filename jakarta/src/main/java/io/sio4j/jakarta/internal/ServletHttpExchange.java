package io.sio4j.jakarta.internal;

import io.sio4j.engine.CorsOptions;
import io.sio4j.engine.HttpExchange;
import io.sio4j.engine.internal.CopiedHttpExchange;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link HttpExchange} over an async servlet request, for the server's {@link
 * io.sio4j.engine.HttpHandler} (pages, static files, the browser bundle): the same handler serves
 * on either host. The body has been read (bounded) before the handler runs.
 *
 * <p>Thread-safe: {@link #respond} may be called once, from any thread.
 */
final class ServletHttpExchange extends CopiedHttpExchange {
  private final AsyncContext async;
  private final CorsOptions cors;
  private final HttpServletRequest request;

  ServletHttpExchange(
      AsyncContext async, CorsOptions cors, String path, String rawQuery, byte[] body) {
    super(
        ((HttpServletRequest) async.getRequest()).getMethod(),
        rawQuery == null ? path : path + "?" + rawQuery,
        path,
        firstValues(rawQuery),
        body);
    this.async = async;
    this.cors = cors;
    this.request = (HttpServletRequest) async.getRequest();
  }

  private static Map<String, String> firstValues(String rawQuery) {
    Map<String, String> q = new LinkedHashMap<>();
    QueryStrings.parse(rawQuery).forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
    return Collections.unmodifiableMap(q);
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  protected void send(int status, Map<String, List<String>> headers, byte[] body) {
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
    if (claimResponse()) {
      HttpServletResponse res = (HttpServletResponse) async.getResponse();
      res.setStatus(status);
      res.setContentLength(0);
      AsyncWrite.complete(async);
    }
  }
}
