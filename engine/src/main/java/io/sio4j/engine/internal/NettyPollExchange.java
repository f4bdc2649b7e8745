package io.sio4j.engine.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@link PollExchange} on the Netty host: the answer wraps the shared body arrays in one composite
 * buffer (no copy) and goes out through {@link HttpResponder} on the request's channel.
 *
 * <p>Threading: immutable; {@link #respond} goes through Netty's thread-safe {@code Channel}.
 */
final class NettyPollExchange implements PollExchange {
  private final Channel channel;
  private final RequestMeta meta;
  private final HttpResponder responder;

  NettyPollExchange(Channel channel, RequestMeta meta, HttpResponder responder) {
    this.channel = channel;
    this.meta = meta;
    this.responder = responder;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public String jsonp() {
    return meta.jsonp();
  }

  @Override
  public void respond(int status, String contentType, byte[][] body, boolean identity) {
    respond(status, contentType, body, identity, null);
  }

  @Override
  public void respond(
      int status, String contentType, byte[][] body, boolean identity, Runnable onWritten) {
    FullHttpResponse res =
        HttpResponder.response(
            HttpResponseStatus.valueOf(status),
            contentType,
            body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    if (identity) {
      res.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.IDENTITY);
    }
    responder.sendTransport(channel, meta, res, onWritten);
  }

  @Override
  public void abort() {
    channel.close();
  }

  @Override
  public void respondPlain(int status, String contentType, byte[][] body) {
    responder.send(
        channel,
        meta,
        HttpResponder.response(
            HttpResponseStatus.valueOf(status),
            contentType,
            body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body)));
  }
}
