package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.sio4j.engine.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The response compressor is built on first need: never for a WebSocket upgrade, and every response
 * still paired with its own request's {@code Accept-Encoding} (issue 12).
 */
class LazyCompressorTest {
  @Test
  void aWebSocketUpgradePassesWithoutBuildingACompressor() {
    EmbeddedChannel ch = new EmbeddedChannel(new LazyCompressor(0));
    HttpRequest upgrade = upgrade("gzip");
    ch.writeInbound(upgrade);
    assertThat((Object) ch.readInbound()).isSameAs(upgrade);
    assertThat(ch.pipeline().get(HttpContentCompressor.class)).isNull();
    assertThat(ch.pipeline().get(LazyCompressor.class)).isNotNull();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void anyOtherRequestPutsTheCompressorInPlace() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new LazyCompressor(0));
    HttpRequest get = get("gzip");
    ch.writeInbound(get);
    assertThat((Object) ch.readInbound()).isSameAs(get);
    assertThat(ch.pipeline().get(LazyCompressor.NAME)).isInstanceOf(HttpContentCompressor.class);
    ch.writeOutbound(response("hello, compressed world"));
    assertThat(readResponse(ch)).isEqualTo("gzip:hello, compressed world");
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void aRefusedUpgradeIsAnsweredForItsOwnAcceptEncoding() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new LazyCompressor(0));
    ch.writeInbound(upgrade("gzip"));
    ReferenceCountUtil.release(ch.readInbound());
    ch.writeOutbound(response("refused"));
    assertThat(readResponse(ch)).isEqualTo("gzip:refused");
    assertThat(ch.pipeline().get(LazyCompressor.class)).isNull();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void requestsPipelinedAfterAnUpgradeKeepTheirPairing() throws Exception {
    EmbeddedChannel ch = new EmbeddedChannel(new LazyCompressor(0));
    ch.writeInbound(upgrade(null));
    ch.writeInbound(get("gzip"));
    ch.writeInbound(upgrade("gzip"));
    for (int i = 0; i < 3; i++) ReferenceCountUtil.release(ch.readInbound());
    ch.writeOutbound(response("first"));
    ch.writeOutbound(response("second"));
    ch.writeOutbound(response("third"));
    assertThat(readResponse(ch)).isEqualTo("identity:first");
    assertThat(readResponse(ch)).isEqualTo("gzip:second");
    assertThat(readResponse(ch)).isEqualTo("gzip:third");
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void aRefusedUpgradeOnAServerIsCompressedLikeAnyResponse() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.httpCompressionThreshold(0));
        Socket s = new Socket("127.0.0.1", e.port)) {
      s.setSoTimeout((int) TestEngine.WAIT.toMillis());
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /engine.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                  + "Accept-Encoding: gzip\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] answer = s.getInputStream().readAllBytes();
      int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String head = new String(answer, 0, end, StandardCharsets.ISO_8859_1);
      assertThat(head).startsWith("HTTP/1.1 400").containsIgnoringCase("content-encoding: gzip");
      InputStream body = new ByteArrayInputStream(answer, end + 4, answer.length - end - 4);
      assertThat(new String(new GZIPInputStream(body).readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("Missing or invalid Sec-WebSocket-Key header");
    }
  }

  private static HttpRequest upgrade(String acceptEncoding) {
    HttpRequest req = get(acceptEncoding);
    req.headers().set(HttpHeaderNames.UPGRADE, "websocket");
    req.headers().set(HttpHeaderNames.CONNECTION, "Upgrade");
    return req;
  }

  private static HttpRequest get(String acceptEncoding) {
    HttpRequest req =
        new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/engine.io/?EIO=4");
    if (acceptEncoding != null) req.headers().set(HttpHeaderNames.ACCEPT_ENCODING, acceptEncoding);
    return req;
  }

  private static HttpResponse response(String body) {
    ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
    var res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
    return res;
  }

  /** One response's outbound messages: {@code <content-encoding or identity>:<decoded body>}. */
  private static String readResponse(EmbeddedChannel ch) throws Exception {
    HttpResponse head = null;
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    while (true) {
      Object msg = ch.readOutbound();
      assertThat(msg).isNotNull();
      try {
        if (msg instanceof HttpResponse r) head = r;
        if (msg instanceof HttpContent c) {
          ByteBuf b = c.content();
          byte[] bytes = new byte[b.readableBytes()];
          b.getBytes(b.readerIndex(), bytes);
          body.write(bytes);
        }
        if (msg instanceof io.netty.handler.codec.http.LastHttpContent) break;
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
    String encoding = head.headers().get(HttpHeaderNames.CONTENT_ENCODING, "identity");
    byte[] plain =
        encoding.equals("gzip")
            ? new GZIPInputStream(new ByteArrayInputStream(body.toByteArray())).readAllBytes()
            : body.toByteArray();
    return encoding + ":" + new String(plain, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] in, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= in.length; i++) {
      for (int j = 0; j < what.length; j++) if (in[i + j] != what[j]) continue outer;
      return i;
    }
    return -1;
  }
}
