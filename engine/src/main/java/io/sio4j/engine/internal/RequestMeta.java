package io.sio4j.engine.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.sio4j.engine.HandshakeRequest;
import java.util.List;
import java.util.Map;

/**
 * What a response needs to know about its request, copied out of the Netty request so that no
 * reference-counted object is kept while a poll waits.
 *
 * @param version the request's HTTP version
 * @param keepAlive whether the connection stays open after the response
 * @param origin the {@code Origin} header, or null
 * @param jsonp the JSONP callback index ({@code j} parameter, digits only), or null
 * @param setCookie a {@code Set-Cookie} value for the response (the handshake's sid cookie), or
 *     null
 * @param view the request as the engine hooks see it, or null when no hook needs it
 * @param initial whether this is the handshake (for {@code initial_headers})
 * @param extraHeaders headers set by {@code engine.use} middlewares, or null
 */
record RequestMeta(
    HttpVersion version,
    boolean keepAlive,
    String origin,
    String jsonp,
    String setCookie,
    HandshakeRequest view,
    boolean initial,
    Map<String, List<String>> extraHeaders) {
  static RequestMeta of(HttpRequest request, String jsonp, HandshakeRequest view) {
    return new RequestMeta(
        request.protocolVersion(),
        HttpUtil.isKeepAlive(request),
        request.headers().get(HttpHeaderNames.ORIGIN),
        jsonp,
        null,
        view,
        false,
        null);
  }

  /** The handshake's meta: it carries the sid cookie and fires {@code initial_headers}. */
  RequestMeta forHandshake(String cookie) {
    return new RequestMeta(version, keepAlive, origin, jsonp, cookie, view, true, extraHeaders);
  }

  /** This meta once its cookie and extra headers are in the response (the listeners ran). */
  RequestMeta headersApplied() {
    return new RequestMeta(version, keepAlive, origin, jsonp, null, view, initial, null);
  }

  RequestMeta withExtraHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> h = headers == null || headers.isEmpty() ? null : headers;
    return new RequestMeta(version, keepAlive, origin, jsonp, setCookie, view, initial, h);
  }
}
