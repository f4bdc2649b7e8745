package io.sio4j.engine.internal;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sio4j.engine.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands requests outside the Engine.IO path to the user's {@link HttpHandler}, else 404. */
final class PlainHttpDispatcher {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private PlainHttpDispatcher() {}

  static void dispatch(
      Channel channel, FullHttpRequest req, HttpHandler handler, HttpResponder responder) {
    RequestMeta meta = RequestMeta.of(req, null, null);
    if (handler != null) {
      NettyHttpExchange exchange = new NettyHttpExchange(channel, req, meta, responder);
      try {
        if (handler.handle(exchange)) return;
      } catch (RuntimeException e) {
        log.warn("HTTP handler failed for {}", req.uri(), e);
        exchange.respondIfNot(500);
        return;
      }
    }
    responder.send(
        channel,
        meta,
        HttpResponder.text(HttpResponseStatus.NOT_FOUND, "text/plain; charset=UTF-8", "Not Found"));
  }
}
