package io.sio4j.engine.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands where the response compressor goes (httpCompression) until a response may need it (issue
 * 12): a connection whose only request is a WebSocket upgrade, the common case, never builds one (a
 * compressor allocates its request queue and codec state per connection, and Netty removes it at
 * the upgrade anyway). The first request that is not a WebSocket upgrade puts a compressor in its
 * place before it passes on. An upgrade request is remembered instead; if it gets an ordinary
 * response (refused) or another request follows it, the compressor is put in place and told about
 * the remembered request first, so every response is paired with its request's {@code
 * Accept-Encoding} exactly as an eager compressor pairs them.
 *
 * <p>Threading: one instance per connection, on its event loop.
 */
final class LazyCompressor extends ChannelDuplexHandler {
  static final String NAME = "http-compression";

  private final int threshold;

  /** The headers of a WebSocket upgrade request that passed without a compressor, or null. */
  private HttpHeaders pendingUpgrade;

  LazyCompressor(int threshold) {
    this.threshold = threshold;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest req) {
      if (pendingUpgrade == null && EngineRequestHandler.isWebSocketUpgrade(req)) {
        pendingUpgrade = req.headers();
      } else {
        // replace() links this context to the compressor's: the request goes through it
        install(ctx);
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    // a 101 never gets here: the upgrade takes this handler out before it answers
    if (msg instanceof HttpResponse && pendingUpgrade != null) install(ctx);
    ctx.write(msg, promise);
  }

  private void install(ChannelHandlerContext ctx) throws Exception {
    Compressor compressor = new Compressor(threshold);
    ctx.pipeline().replace(this, NAME, compressor);
    if (pendingUpgrade != null) {
      compressor.requested(pendingUpgrade);
      pendingUpgrade = null;
    }
  }

  /** gzip and deflate above the threshold; it can be told of a request it did not see. */
  private static final class Compressor extends HttpContentCompressor {
    Compressor(int threshold) {
      super(threshold, StandardCompressionOptions.gzip(), StandardCompressionOptions.deflate());
    }

    /** Queues the {@code Accept-Encoding} of a (GET) request that passed before it was here. */
    void requested(HttpHeaders headers) throws Exception {
      List<Object> ignored = new ArrayList<>(1);
      decode(
          null,
          new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/", headers),
          ignored);
    }
  }
}
