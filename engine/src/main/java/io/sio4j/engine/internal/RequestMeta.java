package io.sio4j.engine.internal;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

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
 */
record RequestMeta(
    HttpVersion version, boolean keepAlive, String origin, String jsonp, String setCookie) {
  static RequestMeta of(HttpRequest request, String jsonp) {
    return new RequestMeta(
        request.protocolVersion(),
        HttpUtil.isKeepAlive(request),
        request.headers().get(HttpHeaderNames.ORIGIN),
        jsonp,
        null);
  }

  RequestMeta withSetCookie(String cookie) {
    return new RequestMeta(version, keepAlive, origin, jsonp, cookie);
  }
}
