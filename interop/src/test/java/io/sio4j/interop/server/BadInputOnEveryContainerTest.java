package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.engine.CorsOptions;
import io.sio4j.examples.Container;
import io.sio4j.server.SocketIoServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same answer to bad input on every host (the HTTP, WebSocket and Engine.IO rows of
 * SECURITY-CASES.md that the engine decides): the official error codes and messages, 413 that keeps
 * the session, the origin check, a missing Sec-WebSocket-Key. The container's own HTTP parser
 * answers malformed HTTP itself, so those rows are not compared here.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class BadInputOnEveryContainerTest {
  private static final String ORIGIN = "https://app.example";

  /** What carries the bytes. */
  @Parameter Container container;

  private SocketIoServer io;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    io =
        container.serve(
            SocketIoServer.builder()
                .host("127.0.0.1")
                .port(0)
                .maxHttpBufferSize(1000)
                .cors(CorsOptions.builder().origins(ORIGIN).build())
                .build());
    base = "http://127.0.0.1:" + io.address().getPort() + "/socket.io/";
  }

  @AfterEach
  void stop() {
    io.close();
  }

  private HttpResponse<String> get(String query, String origin) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(Duration.ofSeconds(10));
    if (origin != null) b.header("Origin", origin);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String query, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "?" + query))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain;charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String handshake() throws Exception {
    String open = get("EIO=4&transport=polling", null).body();
    return open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf("\",\""));
  }

  @Test
  void engineErrorsHaveTheOfficialCodes() throws Exception {
    assertError(get("EIO=4&transport=carrier-pigeon", null), 400, 0, "Transport unknown");
    assertError(get("EIO=4&transport=polling&sid=nope", null), 400, 1, "Session ID unknown");
    assertError(post("EIO=4&transport=polling", "1"), 400, 2, "Bad handshake method");
    assertError(get("EIO=3&transport=polling", null), 400, 5, "Unsupported protocol version");
    assertError(get("EIO=4&transport=polling", "https://evil.example"), 403, 4, "Forbidden");
    HttpResponse<String> allowed = get("EIO=4&transport=polling", ORIGIN);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains(ORIGIN);
  }

  @Test
  void oversizedPostGets413AndTheSessionGoesOn() throws Exception {
    String sid = handshake();
    String q = "EIO=4&transport=polling&sid=" + sid;
    assertThat(post(q, "4" + "x".repeat(2000)).statusCode()).isEqualTo(413);
    HttpResponse<String> ok = post(q, "4fine");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("ok");
  }

  @Test
  void malformedPayloadIsABadRequestAndClosesTheSession() throws Exception {
    String sid = handshake();
    String q = "EIO=4&transport=polling&sid=" + sid;
    assertError(post(q, "9nonsense"), 400, 3, "Bad request");
  }

  @Test
  void webSocketWithoutAValidKeyGets400() throws Exception {
    try (Socket s = new Socket("127.0.0.1", io.address().getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\n"
                  + "Connection: Upgrade\r\n"
                  + "Upgrade: websocket\r\n"
                  + "Sec-WebSocket-Version: 13\r\n"
                  + "Sec-WebSocket-Key: short\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).endsWith("Missing or invalid Sec-WebSocket-Key header");
    }
  }

  private static byte[] readAll(InputStream in) throws Exception {
    return in.readAllBytes(); // the server closes the connection after a refusal
  }

  private static void assertError(HttpResponse<String> r, int status, int code, String message) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
  }
}
