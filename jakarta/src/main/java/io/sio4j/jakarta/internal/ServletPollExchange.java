package io.sio4j.jakarta.internal;

import io.sio4j.engine.CorsOptions;
import io.sio4j.engine.internal.PollExchange;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link PollExchange} on the Jakarta host: an Engine.IO request put in async mode, answered once
 * with CORS headers, the handshake's sid cookie and a non-blocking body write.
 *
 * <p>Thread-safe: {@link #respond} may be called from any thread; only the first call counts.
 */
final class ServletPollExchange implements PollExchange {
  private final AsyncContext async;
  private final CorsOptions cors;
  private final String origin;
  private final String jsonp;
  private final String setCookie;
  private final AtomicBoolean responded = new AtomicBoolean();

  ServletPollExchange(
      AsyncContext async, CorsOptions cors, String origin, String jsonp, String setCookie) {
    this.async = async;
    this.cors = cors;
    this.origin = origin;
    this.jsonp = jsonp;
    this.setCookie = setCookie;
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
    respond(status, contentType, body, false);
  }

  @Override
  public void respond(int status, String contentType, byte[][] body, boolean identity) {
    if (!responded.compareAndSet(false, true)) return;
    HttpServletResponse res = (HttpServletResponse) async.getResponse();
    res.setStatus(status);
    if (contentType != null) res.setContentType(contentType);
    CorsHeaders.add(cors, origin, res);
    if (setCookie != null) res.addHeader("Set-Cookie", setCookie);
    long length = 0;
    for (byte[] part : body) length += part.length;
    res.setContentLengthLong(length);
    AsyncWrite.start(async, body);
  }
}
