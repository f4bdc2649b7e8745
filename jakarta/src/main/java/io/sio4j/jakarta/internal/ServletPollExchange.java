package io.sio4j.jakarta.internal;

import io.sio4j.engine.CorsOptions;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.internal.EngineHooks;
import io.sio4j.engine.internal.PollExchange;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link PollExchange} on the Jakarta host: an Engine.IO request put in async mode, answered once
 * with CORS headers, the handshake's sid cookie, the middlewares' headers and a non-blocking body
 * write; the transport's own answers pass through the {@code initial_headers} / {@code headers}
 * listeners first, as on the Netty host.
 *
 * <p>Thread-safe: {@link #respond} may be called from any thread; only the first call counts.
 */
final class ServletPollExchange implements PollExchange {
  private final AsyncContext async;
  private final CorsOptions cors;
  private final String origin;
  private final String jsonp;
  private final String setCookie;
  private final Map<String, List<String>> extraHeaders;
  private final EngineHooks hooks;
  private final HandshakeRequest view;
  private final boolean initial;
  private final AtomicBoolean responded = new AtomicBoolean();

  /**
   * @param setCookie the handshake's sid cookie, or null
   * @param extraHeaders headers set by middlewares, or null
   * @param view the request for the headers listeners, or null when none listens
   * @param initial whether this answers the handshake (for {@code initial_headers})
   */
  ServletPollExchange(
      AsyncContext async,
      CorsOptions cors,
      String origin,
      String jsonp,
      String setCookie,
      Map<String, List<String>> extraHeaders,
      EngineHooks hooks,
      HandshakeRequest view,
      boolean initial) {
    this.async = async;
    this.cors = cors;
    this.origin = origin;
    this.jsonp = jsonp;
    this.setCookie = setCookie;
    this.extraHeaders = extraHeaders;
    this.hooks = hooks;
    this.view = view;
    this.initial = initial;
  }

  @Override
  public String jsonp() {
    return jsonp;
  }

  /** Whether the answer went out (or is going out). */
  boolean responded() {
    return responded.get();
  }

  @Override
  public void respondPlain(int status, String contentType, byte[][] body) {
    answer(status, contentType, body, false);
  }

  @Override
  public void respond(int status, String contentType, byte[][] body, boolean identity) {
    // no compression filter of ours runs on this host: identity needs no header here
    answer(status, contentType, body, true);
  }

  private void answer(int status, String contentType, byte[][] body, boolean transport) {
    if (!responded.compareAndSet(false, true)) return;
    HttpServletResponse res = (HttpServletResponse) async.getResponse();
    res.setStatus(status);
    Map<String, List<String>> headers = EngineHooks.newHeaderMap();
    if (contentType != null) headers.put("Content-Type", List.of(contentType));
    if (setCookie != null) headers.put("Set-Cookie", List.of(setCookie));
    if (extraHeaders != null) extraHeaders.forEach(headers::put);
    if (transport && view != null && hooks.hasHeaderListeners()) {
      // the official "initial_headers" / "headers" events: not for errors nor quiet answers
      Map<String, List<String>> edited = hooks.edited(headers, view, initial);
      if (edited != null) headers = edited;
    }
    setAll(res, headers);
    CorsHeaders.add(cors, origin, res);
    long length = 0;
    for (byte[] part : body) length += part.length;
    res.setContentLengthLong(length);
    AsyncWrite.start(async, body);
  }

  /** Sets each header of {@code headers} on {@code res} (an empty list sets nothing). */
  static void setAll(HttpServletResponse res, Map<String, List<String>> headers) {
    headers.forEach(
        (name, values) -> {
          if (values == null) return;
          boolean first = true;
          for (String v : values) {
            if (first) res.setHeader(name, v);
            else res.addHeader(name, v);
            first = false;
          }
        });
  }
}
