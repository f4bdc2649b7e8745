package io.sio4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handlers behind a real {@link EngineServer} on loopback: bundle, static files, routes, and
 * raw traversal requests that no HTTP client library would send as written; the Engine.IO path
 * keeps working next to them.
 */
class HttpServingLoopbackTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  @TempDir static Path root;
  private static EngineServer server;
  private static InetSocketAddress address;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(root.resolve("index.html"), "<h1>loopback</h1>");
    Files.writeString(root.resolve("big.css"), "p { margin: 0; }\n".repeat(500));
    HttpRoutes http =
        HttpRoutes.create()
            .getJson("/api/health", ex -> Map.of("status", "ok"))
            .then(BrowserClient.at("/socket.io"))
            .then(StaticFiles.fromDirectory(root));
    server =
        EngineServer.create(EngineOptions.builder().path("/engine.io/").httpHandler(http).build());
    address = server.listen("127.0.0.1", 0).get(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
  }

  private static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
            .timeout(TIMEOUT);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void bundleWithETagAndGzip() throws Exception {
    HttpResponse<byte[]> plain = get("/socket.io/socket.io.min.js");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("etag")).hasValue("\"" + BrowserClient.version() + "\"");
    assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("Socket.IO v");

    HttpResponse<byte[]> gz = get("/socket.io/socket.io.min.js", "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(gunzip(gz.body())).isEqualTo(plain.body());

    HttpResponse<byte[]> cached =
        get("/socket.io/socket.io.min.js", "If-None-Match", "\"" + BrowserClient.version() + "\"");
    assertThat(cached.statusCode()).isEqualTo(304);
  }

  @Test
  void headAnswersTheGetHeadersWithoutABody() throws Exception {
    HttpResponse<byte[]> getResponse = get("/big.css");
    HttpResponse<byte[]> head =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/big.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("content-length"))
        .hasValue(Integer.toString(getResponse.body().length));
    assertThat(head.headers().firstValue("etag"))
        .isEqualTo(getResponse.headers().firstValue("etag"));
  }

  @Test
  void staticFilesAndRoutes() throws Exception {
    HttpResponse<byte[]> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(new String(index.body(), StandardCharsets.UTF_8)).isEqualTo("<h1>loopback</h1>");
    String etag = get("/big.css").headers().firstValue("etag").orElseThrow();
    assertThat(get("/big.css", "If-None-Match", etag).statusCode()).isEqualTo(304);
    HttpResponse<byte[]> gz = get("/big.css", "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(new String(gunzip(gz.body()), StandardCharsets.UTF_8))
        .startsWith("p { margin: 0; }");
    assertThat(new String(get("/api/health").body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"status\":\"ok\"}");
    assertThat(get("/missing.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void engineStillAnswersOnItsPath() throws Exception {
    HttpResponse<byte[]> handshake = get("/engine.io/?EIO=4&transport=polling");
    assertThat(handshake.statusCode()).isEqualTo(200);
    assertThat(new String(handshake.body(), StandardCharsets.UTF_8)).startsWith("0{\"sid\":");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%252e%252e/etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/index.html%00.css",
        "//etc/passwd"
      })
  void rawTraversalRequestsNeverEscape(String target) throws Exception {
    String response = rawGet(target);
    assertThat(response).startsWith("HTTP/1.1 ");
    assertThat(response).doesNotContain("root:");
    assertThat(response.substring(9, 12)).isIn("400", "404");
    assertThat(get("/").statusCode()).as("still serving").isEqualTo(200);
  }

  private static String rawGet(String target) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(address, (int) TIMEOUT.toMillis());
      s.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static byte[] gunzip(byte[] data) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }
}
