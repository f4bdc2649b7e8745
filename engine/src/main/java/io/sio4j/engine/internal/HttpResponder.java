package io.sio4j.engine.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.sio4j.engine.CorsOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes HTTP responses for the Engine.IO path: status, CORS headers (only for an allowed origin,
 * never a reflected wildcard), Content-Length and keep-alive.
 *
 * <p>Threading: thread-safe (immutable); writes go through Netty's thread-safe {@code Channel}.
 */
final class HttpResponder {
  private final CorsOptions cors;
  private final EngineHooks hooks;

  HttpResponder(CorsOptions cors, EngineHooks hooks) {
    this.cors = cors;
    this.hooks = hooks;
  }

  /** A response whose body takes ownership of {@code body}. */
  static FullHttpResponse response(HttpResponseStatus status, String contentType, ByteBuf body) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    if (contentType != null) res.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return res;
  }

  /** A text response. */
  static FullHttpResponse text(HttpResponseStatus status, String contentType, String body) {
    return response(
        status, contentType, Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** The official JSON error answer: {@code {"code":N,"message":"..."}}. */
  static FullHttpResponse error(EngineError error, String message) {
    String json = "{\"code\":" + error.code + ",\"message\":" + JsonStrings.quote(message) + "}";
    return text(HttpResponseStatus.valueOf(error.status), "application/json", json);
  }

  /** An empty response with only a status. */
  static FullHttpResponse empty(HttpResponseStatus status) {
    return response(status, null, Unpooled.EMPTY_BUFFER);
  }

  /**
   * Sends {@code res} (ownership passes to Netty) with CORS and connection headers; closes the
   * connection afterwards unless the request was keep-alive.
   */
  void send(Channel channel, RequestMeta meta, FullHttpResponse res) {
    send(channel, meta, res, null);
  }

  /** {@link #send}, then {@code onWritten} (may be null) once Netty wrote it or failed to. */
  void send(Channel channel, RequestMeta meta, FullHttpResponse res, Runnable onWritten) {
    HttpHeaders h = res.headers();
    res.setProtocolVersion(meta.version());
    if (meta.setCookie() != null) h.add(HttpHeaderNames.SET_COOKIE, meta.setCookie());
    if (meta.extraHeaders() != null) setAll(h, meta.extraHeaders());
    addCors(h, meta.origin());
    // a bodiless answer may carry the length of what a GET would send (HEAD): keep the handler's
    if (res.content().isReadable() || !h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
      h.setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
    }
    boolean keepAlive = meta.keepAlive() && channel.isActive();
    if (keepAlive) {
      if (meta.version().equals(HttpVersion.HTTP_1_0)) {
        h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      }
      if (onWritten == null) channel.writeAndFlush(res, channel.voidPromise());
      else channel.writeAndFlush(res).addListener(f -> onWritten.run());
    } else {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      io.netty.channel.ChannelFuture f = channel.writeAndFlush(res);
      f.addListener(ChannelFutureListener.CLOSE);
      if (onWritten != null) f.addListener(done -> onWritten.run());
    }
  }

  /**
   * Sends a response of the polling transport (a payload or the {@code ok} of a POST): like {@link
   * #send}, after the {@code initial_headers} / {@code headers} listeners have edited its headers.
   */
  void sendTransport(Channel channel, RequestMeta meta, FullHttpResponse res) {
    sendTransport(channel, meta, res, null);
  }

  /** {@link #sendTransport}, then {@code onWritten} (may be null) once Netty wrote it. */
  void sendTransport(Channel channel, RequestMeta meta, FullHttpResponse res, Runnable onWritten) {
    if (!hooks.hasHeaderListeners() || meta.view() == null) {
      send(channel, meta, res, onWritten);
      return;
    }
    HttpHeaders h = res.headers();
    if (meta.setCookie() != null) h.add(HttpHeaderNames.SET_COOKIE, meta.setCookie());
    if (meta.extraHeaders() != null) setAll(h, meta.extraHeaders());
    editWithListeners(hooks, h, meta.view(), meta.initial());
    send(channel, meta.headersApplied(), res, onWritten);
  }

  /** Lets the headers listeners edit {@code h} (a polling response or a WebSocket 101). */
  static void editWithListeners(
      EngineHooks hooks, HttpHeaders h, io.sio4j.engine.HandshakeRequest view, boolean initial) {
    Map<String, List<String>> map = EngineHooks.newHeaderMap();
    for (String name : h.names()) map.put(name, h.getAll(name));
    Map<String, List<String>> edited = hooks.edited(map, view, initial);
    if (edited == null) return;
    h.clear();
    setAll(h, edited);
  }

  /** Sets each header of {@code headers}, replacing the same names in {@code h}. */
  static void setAll(HttpHeaders h, Map<String, List<String>> headers) {
    headers.forEach(
        (name, values) -> {
          if (values == null || values.isEmpty()) h.remove(name);
          else h.set(name, values);
        });
  }

  /** Adds the CORS response headers when the origin is allowed. */
  void addCors(HttpHeaders h, String origin) {
    if (cors == null || origin == null || !cors.allows(origin)) return;
    if (cors.anyOrigin() && !cors.credentials()) {
      h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    } else {
      h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      h.add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    if (cors.credentials()) h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    if (!cors.exposedHeaders().isEmpty()) {
      h.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(",", cors.exposedHeaders()));
    }
  }

  /** Whether CORS is configured (then OPTIONS requests are preflights). */
  boolean corsEnabled() {
    return cors != null;
  }

  /**
   * Answers a CORS preflight: 204 with the allowed methods and headers (if the origin is allowed).
   */
  void preflight(Channel channel, RequestMeta meta, String requestedHeaders) {
    FullHttpResponse res = empty(HttpResponseStatus.NO_CONTENT);
    HttpHeaders h = res.headers();
    if (meta.origin() != null && cors.allows(meta.origin())) {
      h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, String.join(",", cors.methods()));
      if (!cors.allowedHeaders().isEmpty()) {
        h.set(
            HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, String.join(",", cors.allowedHeaders()));
      } else if (requestedHeaders != null) {
        h.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, requestedHeaders);
        h.add(HttpHeaderNames.VARY, HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
      }
      if (cors.maxAge() != null) {
        h.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, Long.toString(cors.maxAge().toSeconds()));
      }
    }
    send(channel, meta, res);
  }
}
