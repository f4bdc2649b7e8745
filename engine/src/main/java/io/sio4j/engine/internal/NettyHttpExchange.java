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

/**
 * {@link HttpExchange} over a Netty request. The request's data is copied at construction, so
 * nothing reference-counted is kept. Thread-safe: {@link #respond} may be called from any thread,
 * once.
 */
final class NettyHttpExchange extends CopiedHttpExchange {
  private final Channel channel;
  private final RequestMeta meta;
  private final HttpResponder responder;
  private final HttpHeaders headers;

  NettyHttpExchange(
      Channel channel, FullHttpRequest req, RequestMeta meta, HttpResponder responder) {
    this(channel, req, meta, responder, new QueryStringDecoder(req.uri()));
  }

  private NettyHttpExchange(
      Channel channel,
      FullHttpRequest req,
      RequestMeta meta,
      HttpResponder responder,
      QueryStringDecoder qs) {
    super(
        req.method().name(),
        req.uri(),
        qs.path(),
        firstValues(qs),
        ByteBufUtil.getBytes(req.content()));
    this.channel = channel;
    this.meta = meta;
    this.responder = responder;
    this.headers = req.headers().copy();
  }

  private static Map<String, String> firstValues(QueryStringDecoder qs) {
    Map<String, String> q = new LinkedHashMap<>();
    Map<String, List<String>> params = QueryParameters.of(qs);
    // a malformed query is no reason to refuse a file: the handler sees no parameters
    if (params != null) params.forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
    return Map.copyOf(q);
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  @Override
  protected void send(int status, Map<String, List<String>> headers, byte[] body) {
    FullHttpResponse res =
        HttpResponder.response(
            HttpResponseStatus.valueOf(status), null, Unpooled.wrappedBuffer(body.clone()));
    headers.forEach((name, values) -> res.headers().add(name, values));
    responder.send(channel, meta, res);
  }

  /** Sends an empty response with this status unless one was sent. */
  void respondIfNot(int status) {
    if (claimResponse()) {
      responder.send(channel, meta, HttpResponder.empty(HttpResponseStatus.valueOf(status)));
    }
  }
}
