package io.sio4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packed npm socket.io-client bundle, served like the Node server's serveClient. */
class BrowserClientTest {
  private static final BrowserClient CLIENT = BrowserClient.at("/socket.io");

  @Test
  void versionIsThePinnedClient() {
    assertThat(BrowserClient.version()).matches("4\\.8\\.\\d+");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "socket.io.js",
        "socket.io.min.js",
        "socket.io.esm.min.js",
        "socket.io.msgpack.min.js",
        "socket.io.js.map",
        "socket.io.min.js.map",
        "socket.io.esm.min.js.map",
        "socket.io.msgpack.min.js.map"
      })
  void servesEveryBundleFile(String file) throws IOException {
    FakeExchange ex = FakeExchange.get("/socket.io/" + file + "?v=1");
    assertThat(CLIENT.handle(ex)).isTrue();
    FakeExchange.Response r = ex.response();
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("etag")).isEqualTo("\"" + BrowserClient.version() + "\"");
    assertThat(r.header("cache-control")).isEqualTo("public, max-age=0");
    assertThat(r.header("content-encoding")).isNull();
    if (file.endsWith(".map")) {
      assertThat(r.header("content-type")).isEqualTo("application/json; charset=utf-8");
      assertThat(r.text()).startsWith("{");
    } else {
      assertThat(r.header("content-type")).isEqualTo("application/javascript; charset=utf-8");
      assertThat(r.text()).contains("Socket.IO v" + BrowserClient.version());
    }
  }

  @Test
  void gzipWhenAcceptedAndIdenticalOnceDecompressed() throws IOException {
    FakeExchange plain = FakeExchange.get("/socket.io/socket.io.min.js");
    CLIENT.handle(plain);
    FakeExchange gz =
        FakeExchange.get("/socket.io/socket.io.min.js").with("Accept-Encoding", "br, gzip;q=0.8");
    CLIENT.handle(gz);
    FakeExchange.Response r = gz.response();
    assertThat(r.header("content-encoding")).isEqualTo("gzip");
    assertThat(r.header("vary")).isEqualTo("Accept-Encoding");
    assertThat(r.body().length).isLessThan(plain.response().body().length);
    assertThat(gunzip(r.body())).isEqualTo(plain.response().body());

    FakeExchange refused =
        FakeExchange.get("/socket.io/socket.io.min.js").with("Accept-Encoding", "gzip;q=0, br");
    CLIENT.handle(refused);
    assertThat(refused.response().header("content-encoding")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"%s\"", "W/\"%s\"", "\"other\", \"%s\"", "*"})
  void notModifiedWhenTheETagMatches(String ifNoneMatch) {
    FakeExchange ex =
        FakeExchange.get("/socket.io/socket.io.js")
            .with("If-None-Match", ifNoneMatch.formatted(BrowserClient.version()));
    CLIENT.handle(ex);
    assertThat(ex.response().status()).isEqualTo(304);
    assertThat(ex.response().body()).isEmpty();
  }

  @Test
  void staleETagGetsTheFile() {
    FakeExchange ex =
        FakeExchange.get("/socket.io/socket.io.js").with("If-None-Match", "\"1.0.0\"");
    CLIENT.handle(ex);
    assertThat(ex.response().status()).isEqualTo(200);
  }

  @Test
  void headHasHeadersButNoBody() {
    FakeExchange ex = new FakeExchange("HEAD", "/socket.io/socket.io.js");
    assertThat(CLIENT.handle(ex)).isTrue();
    assertThat(ex.response().status()).isEqualTo(200);
    assertThat(ex.response().header("etag")).isNotNull();
    assertThat(ex.response().body()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/socket.io/",
        "/socket.io/socket.io.esm.js",
        "/socket.io/package.json",
        "/socket.io/../socket.io/socket.io.js",
        "/other/socket.io.js",
        "/socket.io/socket.io.js/x",
        "/socket.io.js"
      })
  void otherPathsArePassedOn(String path) {
    FakeExchange ex = FakeExchange.get(path);
    assertThat(CLIENT.handle(ex)).isFalse();
    assertThat(ex.responded()).isFalse();
  }

  @Test
  void otherMethodsArePassedOn() {
    FakeExchange ex = new FakeExchange("POST", "/socket.io/socket.io.js");
    assertThat(CLIENT.handle(ex)).isFalse();
  }

  @Test
  void customPathWithTrailingSlash() {
    BrowserClient client = BrowserClient.at("/rt/");
    assertThat(client.matches("/rt/socket.io.js")).isTrue();
    assertThat(client.matches("/socket.io/socket.io.js")).isFalse();
  }

  private static byte[] gunzip(byte[] data) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }
}
