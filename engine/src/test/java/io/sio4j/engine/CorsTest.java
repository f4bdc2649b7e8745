package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * CORS is off unless configured, never reflects an arbitrary origin and never pairs a wildcard with
 * credentials (CVE-2020-28481 and the netty-socketio / engine.io-server-java findings).
 */
class CorsTest {
  private static HttpResponse<String> get(TestEngine e, String origin) throws Exception {
    return e.http.send(
        HttpRequest.newBuilder(URI.create(e.url("EIO=4&transport=polling")))
            .header("Origin", origin)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void noCorsHeadersByDefault() throws Exception {
    try (TestEngine e = new TestEngine()) {
      HttpResponse<String> r = get(e, "https://evil.example");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("access-control-allow-origin")).isEmpty();
      assertThat(r.headers().firstValue("access-control-allow-credentials")).isEmpty();
    }
  }

  @Test
  void allowListEchoesOnlyTheMatchingOriginWithCredentials() throws Exception {
    CorsOptions cors =
        CorsOptions.builder()
            .origins("https://a.example", "https://b.example")
            .credentials(true)
            .build();
    try (TestEngine e = new TestEngine(b -> b.cors(cors))) {
      HttpResponse<String> ok = get(e, "https://b.example");
      assertThat(ok.headers().firstValue("access-control-allow-origin"))
          .hasValue("https://b.example");
      assertThat(ok.headers().firstValue("access-control-allow-credentials")).hasValue("true");
      assertThat(ok.headers().allValues("vary")).anyMatch(v -> v.contains("origin"));
      HttpResponse<String> evil = get(e, "https://evil.example");
      assertThat(evil.headers().firstValue("access-control-allow-origin")).isEmpty();
      assertThat(evil.headers().firstValue("access-control-allow-credentials")).isEmpty();
      // errors carry the headers too, so the page can read them
      HttpResponse<String> error =
          e.http.send(
              HttpRequest.newBuilder(URI.create(e.url("EIO=9&transport=polling")))
                  .header("Origin", "https://a.example")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(error.statusCode()).isEqualTo(400);
      assertThat(error.headers().firstValue("access-control-allow-origin"))
          .hasValue("https://a.example");
    }
  }

  @Test
  void predicateOrigins() throws Exception {
    CorsOptions cors = CorsOptions.builder().origins(o -> o.endsWith(".trusted.example")).build();
    try (TestEngine e = new TestEngine(b -> b.cors(cors))) {
      assertThat(
              get(e, "https://x.trusted.example")
                  .headers()
                  .firstValue("access-control-allow-origin"))
          .hasValue("https://x.trusted.example");
      assertThat(
              get(e, "https://trusted.example.evil")
                  .headers()
                  .firstValue("access-control-allow-origin"))
          .isEmpty();
    }
  }

  @Test
  void anyOriginIsAWildcardWithoutCredentials() throws Exception {
    try (TestEngine e = new TestEngine(b -> b.cors(CorsOptions.builder().anyOrigin().build()))) {
      HttpResponse<String> r = get(e, "https://whoever.example");
      assertThat(r.headers().firstValue("access-control-allow-origin")).hasValue("*");
      assertThat(r.headers().firstValue("access-control-allow-credentials")).isEmpty();
    }
    assertThatThrownBy(() -> CorsOptions.builder().anyOrigin().credentials(true).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void preflightAnswers204ForAllowedOriginsOnly() throws Exception {
    CorsOptions cors =
        CorsOptions.builder().origins("https://a.example").maxAge(Duration.ofMinutes(10)).build();
    try (TestEngine e = new TestEngine(b -> b.cors(cors))) {
      HttpResponse<String> ok = preflight(e, "https://a.example");
      assertThat(ok.statusCode()).isEqualTo(204);
      assertThat(ok.headers().firstValue("access-control-allow-origin"))
          .hasValue("https://a.example");
      assertThat(ok.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST");
      assertThat(ok.headers().firstValue("access-control-allow-headers")).hasValue("content-type");
      assertThat(ok.headers().firstValue("access-control-max-age")).hasValue("600");
      HttpResponse<String> evil = preflight(e, "https://evil.example");
      assertThat(evil.headers().firstValue("access-control-allow-origin")).isEmpty();
      assertThat(evil.headers().firstValue("access-control-allow-methods")).isEmpty();
      assertThat(e.server.clientsCount()).isZero();
    }
  }

  private static HttpResponse<String> preflight(TestEngine e, String origin) throws Exception {
    return e.http.send(
        HttpRequest.newBuilder(URI.create(e.url("EIO=4&transport=polling")))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Cross-site WebSocket hijacking: with an allow-list, a handshake or upgrade from another origin
   * is refused (a browser page on any site could otherwise open a WebSocket with the user's
   * cookies). Requests without an Origin (non-browser clients) and allowed origins go through.
   */
  @Test
  void allowListRefusesHandshakesAndUpgradesFromOtherOrigins() throws Exception {
    CorsOptions cors = CorsOptions.builder().origins("https://app.example").build();
    try (TestEngine e = new TestEngine(b -> b.cors(cors))) {
      HttpResponse<String> polling = get(e, "https://evil.example");
      assertThat(polling.statusCode()).isEqualTo(403);
      assertThat(polling.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
      assertThat(get(e, "https://app.example").statusCode()).isEqualTo(200);
      assertThat(e.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);

      String ws = "/engine.io/?EIO=4&transport=websocket";
      assertThat(e.raw(WebSocketRequests.upgrade(ws, "Origin: https://evil.example\r\n")))
          .startsWith("HTTP/1.1 400 ")
          .doesNotContain(" 101 ");
      try (RawWebSocket ok =
          RawWebSocket.connect(
              e.port, WebSocketRequests.upgrade(ws, "Origin: https://app.example\r\n"))) {
        assertThat(ok.handshakeResponse).startsWith("HTTP/1.1 101 ");
      }
      String sid = e.openPolling();
      assertThat(
              e.raw(
                  WebSocketRequests.upgrade(
                      ws + "&sid=" + sid, "Origin: https://evil.example\r\n")))
          .startsWith("HTTP/1.1 400 ")
          .doesNotContain(" 101 ");
    }
  }

  @Test
  void originCheckCanBeTurnedOff() throws Exception {
    CorsOptions cors =
        CorsOptions.builder().origins("https://app.example").checkOrigin(false).build();
    try (TestEngine e = new TestEngine(b -> b.cors(cors));
        RawWebSocket ws =
            RawWebSocket.connect(
                e.port,
                WebSocketRequests.upgrade(
                    "/engine.io/?EIO=4&transport=websocket", "Origin: https://evil.example\r\n"))) {
      assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101 ");
      assertThat(get(e, "https://evil.example").statusCode()).isEqualTo(200);
    }
  }
}
