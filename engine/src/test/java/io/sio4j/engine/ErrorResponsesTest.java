package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Engine.IO error answer, as the official server sends it: status, {@code application/json}
 * and {@code {"code":N,"message":"..."}}, plus the {@code connection_error} event. Includes the
 * query values of CVE-2023-31125 ({@code constructor}, {@code __proto__}, repeated parameters).
 */
class ErrorResponsesTest {
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine = new TestEngine();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "EIO=4                                       | 400 | 0 | Transport unknown",
        "EIO=4&transport=                            | 400 | 0 | Transport unknown",
        "EIO=4&transport=abc                         | 400 | 0 | Transport unknown",
        "EIO=4&transport=constructor                 | 400 | 0 | Transport unknown",
        "EIO=4&transport=__proto__                   | 400 | 0 | Transport unknown",
        "EIO=4&transport=toString                    | 400 | 0 | Transport unknown",
        "EIO=4&transport=hasOwnProperty              | 400 | 0 | Transport unknown",
        "EIO=4&transport=webtransport                | 400 | 0 | Transport unknown",
        "EIO=4&transport=polling&transport=polling   | 400 | 0 | Transport unknown",
        "EIO=4&transport=polling&sid=nope            | 400 | 1 | Session ID unknown",
        "EIO=4&transport=polling&sid=constructor     | 400 | 1 | Session ID unknown",
        "EIO=4&transport=polling&sid=a&sid=b         | 400 | 1 | Session ID unknown",
        "EIO=4&transport=websocket                   | 400 | 3 | Bad request",
        "transport=polling                           | 400 | 5 | Unsupported protocol version",
        "EIO=abc&transport=polling                   | 400 | 5 | Unsupported protocol version",
        "EIO=5&transport=polling                     | 400 | 5 | Unsupported protocol version",
        "EIO=3&transport=polling                     | 400 | 5 | Unsupported protocol version",
        "EIO=4&EIO=4&transport=polling               | 400 | 5 | Unsupported protocol version",
      })
  void badQueriesGetTheOfficialError(String query, int status, int code, String message)
      throws Exception {
    HttpResponse<String> r = engine.get(query.trim());
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(r.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    EngineConnectionError e = engine.awaitError();
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.request().url()).contains("/engine.io/");
    assertThat(engine.server.clientsCount()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"POST", "PUT", "DELETE", "PATCH"})
  void handshakeWithAnotherMethodThanGetIsRefused(String method) throws Exception {
    HttpResponse<String> r =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(engine.url("EIO=4&transport=polling")))
                .method(method, HttpRequest.BodyPublishers.ofString("4x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
  }

  @Test
  void otherMethodOnAnExistingSessionIs500WithEmptyBody() throws Exception {
    String sid = engine.openPolling();
    HttpResponse<String> r =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(engine.url("EIO=4&transport=polling&sid=" + sid)))
                .PUT(HttpRequest.BodyPublishers.ofString("4x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void transportMismatchForAnExistingSessionIsBadRequest() throws Exception {
    String sid = engine.openPolling();
    HttpResponse<String> r = engine.get("EIO=4&transport=websocket&sid=" + sid);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
  }

  @Test
  void allowRequestRefusalIs403WithTheReason() throws Exception {
    try (TestEngine guarded =
        new TestEngine(
            b ->
                b.allowRequest(
                    req ->
                        CompletableFuture.supplyAsync(
                            () -> "yes".equals(req.query().get("token")) ? null : "no token")))) {
      HttpResponse<String> refused = guarded.get("EIO=4&transport=polling");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"no token\"}");
      assertThat(guarded.awaitError().code()).isEqualTo(4);
      HttpResponse<String> ok = guarded.get("EIO=4&transport=polling&token=yes");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).startsWith("0{\"sid\":");
    }
  }

  @Test
  void allowRequestPredicateRefusalSaysForbidden() throws Exception {
    try (TestEngine guarded = new TestEngine(b -> b.allowRequest(AllowRequest.of(req -> false)))) {
      HttpResponse<String> r = guarded.get("EIO=4&transport=polling");
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(r.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
    }
  }

  @Test
  void allowRequestAppliesToWebSocketHandshakes() throws Exception {
    try (TestEngine guarded = new TestEngine(b -> b.allowRequest(AllowRequest.of(req -> false)))) {
      String answer =
          guarded.raw(WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket"));
      assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Forbidden").doesNotContain(" 101 ");
      assertThat(guarded.awaitError().code()).isEqualTo(4);
    }
  }

  @Test
  void invalidOriginHeaderIsBadRequest() throws Exception {
    String answer =
        engine.raw(
            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\nOrigin: a\u0001b\r\n"
                + "Connection: close\r\n\r\n");
    // Netty's header validation refuses it even before the Engine.IO check (code 3) would
    assertThat(answer).startsWith("HTTP/1.1 400 ");
    assertThat(engine.server.clientsCount()).isZero();
  }
}
