package io.sio4j.engine.internal;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.sio4j.engine.HttpExchange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link HttpExchange} over a Netty request. The request's data is copied at construction, so
 * nothing reference-counted is kept. Thread-safe: {@link #respond} may be called from any thread,
 * once.
 */
final class NettyHttpExchange implements HttpExchange {
  private final Channel channel;
  private final RequestMeta meta;
  private final HttpResponder responder;
  private final String method;
  private final String uri;
  private final String path;
  private final Map<String, String> query;
  private final HttpHeaders headers;
  private final byte[] body;
  private final AtomicBoolean responded = new AtomicBoolean();

  NettyHttpExchange(
      Channel channel, FullHttpRequest req, RequestMeta meta, HttpResponder responder) {
    this.channel = channel;
    this.meta = meta;
    this.responder = responder;
    this.method = req.method().name();
    this.uri = req.uri();
    QueryStringDecoder qs = new QueryStringDecoder(uri);
    this.path = qs.path();
    Map<String, String> q = new LinkedHashMap<>();
    Map<String, List<String>> params = QueryParameters.of(qs);
    // a malformed query is no reason to refuse a file: the handler sees no parameters
    if (params != null) params.forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
    this.query = Map.copyOf(q);
    this.headers = req.headers().copy();
    this.body = ByteBufUtil.getBytes(req.content());
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
    return headers.get(name);
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
    FullHttpResponse res =
        HttpResponder.response(
            HttpResponseStatus.valueOf(status), null, Unpooled.wrappedBuffer(body.clone()));
    headers.forEach((name, values) -> res.headers().add(name, values));
    responder.send(channel, meta, res);
  }

  /** Sends an empty response with this status unless one was sent. */
  void respondIfNot(int status) {
    if (responded.compareAndSet(false, true)) {
      responder.send(channel, meta, HttpResponder.empty(HttpResponseStatus.valueOf(status)));
    }
  }
}
