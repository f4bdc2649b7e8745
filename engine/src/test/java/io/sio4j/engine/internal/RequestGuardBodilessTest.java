package io.sio4j.engine.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.sio4j.engine.EngineOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A request without a body passes the guard as one whole request, so the aggregator has nothing to
 * aggregate; a request with a body, or whose headers announce one, is aggregated as before. Either
 * way the headers reach the handler as the client sent them.
 */
class RequestGuardBodilessTest {
  private final EmbeddedChannel ch = channel();

  private static EmbeddedChannel channel() {
    RequestGuard guard =
        new RequestGuard(RequestGuard.Limits.of(EngineOptions.builder().build(), 60_000));
    return new EmbeddedChannel(
        guard.bytes(),
        new HttpServerCodec(),
        guard.messages(),
        new EngineChannelInitializer.ExactHeadersAggregator(1000));
  }

  private FullHttpRequest send(String raw) {
    ch.writeInbound(Unpooled.copiedBuffer(raw, StandardCharsets.US_ASCII));
    return ch.readInbound();
  }

  @Test
  void aGetIsPassedOnWholeWithoutTheAggregatorsCopy() {
    FullHttpRequest get = send("GET /socket.io/?EIO=4 HTTP/1.1\r\nHost: a\r\nX-One: 1\r\n\r\n");
    try {
      assertThat(get.uri()).isEqualTo("/socket.io/?EIO=4");
      assertThat(get.content().readableBytes()).isZero();
      assertThat(get.headers().get("x-one")).isEqualTo("1");
      assertThat(get.headers().contains(HttpHeaderNames.CONTENT_LENGTH)).isFalse();
      assertThat(get.decoderResult().isSuccess()).isTrue();
      // not the aggregator's type: it let the whole request through untouched
      assertThat(get.getClass().getName()).doesNotContain(HttpObjectAggregator.class.getName());
    } finally {
      get.release();
    }
  }

  @Test
  void requestsWithABodyOrAnnouncingOneAreStillAggregated() {
    FullHttpRequest post = send("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc");
    try {
      assertThat(post.content().toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
      assertThat(post.getClass().getName()).contains(HttpObjectAggregator.class.getName());
    } finally {
      post.release();
    }
    FullHttpRequest empty = send("GET /e HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
    try {
      assertThat(empty.headers().get(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo("0");
      assertThat(empty.getClass().getName()).contains(HttpObjectAggregator.class.getName());
    } finally {
      empty.release();
    }
    // and a whole request after them on the same connection
    FullHttpRequest next = send("GET /n HTTP/1.1\r\nHost: a\r\n\r\n");
    assertThat(next.uri()).isEqualTo("/n");
    next.release();
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  /**
   * Netty's WebSocket handshaker allocates the 101's body from the request body's allocator: that
   * must be the channel's (pooled), not {@code Unpooled}'s, which gives a direct buffer and its
   * cleaner per upgrade.
   */
  @Test
  void aWholeRequestsEmptyBodyBelongsToTheChannelsAllocator() {
    FullHttpRequest get = send("GET /a HTTP/1.1\r\nHost: a\r\n\r\n");
    assertThat(get.content().alloc()).isSameAs(ch.alloc());
    get.release();
    // another allocator configured on the channel is the one the body names
    EmbeddedChannel other = channel();
    ByteBufAllocator alloc = new UnpooledByteBufAllocator(false);
    other.config().setAllocator(alloc);
    other.writeInbound(Unpooled.copiedBuffer("GET /b HTTP/1.1\r\nHost: a\r\n\r\n", US_ASCII));
    FullHttpRequest b = other.readInbound();
    assertThat(b.content().alloc()).isSameAs(alloc);
    assertThat(b.content().readableBytes()).isZero();
    b.release();
    assertThat(ch.finishAndReleaseAll()).isFalse();
    assertThat(other.finishAndReleaseAll()).isFalse();
  }
}
