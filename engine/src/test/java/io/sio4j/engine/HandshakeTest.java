package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OPEN packet, session ids (CVE-2017-16031), the sid cookie, path matching, transports. */
class HandshakeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine = new TestEngine();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void openPacketHasExactlyTheOfficialFields() throws Exception {
    HttpResponse<String> r = engine.get("EIO=4&transport=polling");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; charset=UTF-8");
    assertThat(r.body()).startsWith("0");
    JsonNode open = JSON.readTree(r.body().substring(1));
    assertThat(open.fieldNames())
        .toIterable()
        .containsExactly("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
    assertThat(open.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
    assertThat(open.get("pingInterval").asLong()).isEqualTo(20_000);
    assertThat(open.get("maxPayload").asLong()).isEqualTo(1_000_000);
    EngineSocket socket = engine.await("connection").socket();
    assertThat(socket.id()).isEqualTo(open.get("sid").asText());
    assertThat(socket.request().query()).containsEntry("EIO", "4");
    assertThat(socket.request().header("Host")).isNotNull();
    assertThat(engine.server.clientsCount()).isEqualTo(1);
  }

  /** The handshake's headers are the client's own: nothing added by request aggregation. */
  @Test
  void handshakeHeadersAreExactlyWhatThePollingClientSent() throws Exception {
    String answer =
        engine.raw(
            "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n"
                + "X-Custom: a\r\nX-Custom: b\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 200 ");
    EngineSocket socket = engine.await("connection").socket();
    assertThat(socket.request().headers())
        .containsOnlyKeys("host", "x-custom", "connection")
        .containsEntry("x-custom", java.util.List.of("a", "b"));
  }

  @Test
  void handshakeHeadersAreExactlyWhatTheWebSocketClientSent() throws Exception {
    try (RawWebSocket ws =
        RawWebSocket.connect(
            engine.port, WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket"))) {
      assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101 ");
      EngineSocket socket = engine.await("connection").socket();
      assertThat(socket.request().headers())
          .containsOnlyKeys(
              "host", "upgrade", "connection", "sec-websocket-key", "sec-websocket-version");
    }
  }

  @Test
  void initialPacketFollowsTheOpenPacket() throws Exception {
    try (TestEngine withInitial = new TestEngine(b -> b.initialPacket("welcome"))) {
      // like the official server, it shares the handshake payload
      String body = withInitial.get("EIO=4&transport=polling").body();
      assertThat(body).startsWith("0{\"sid\":").endsWith("}\u001e4welcome");
    }
  }

  @Test
  void sessionIdsAreLongRandomAndUnique() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String sid = engine.openPolling();
      // 20 random bytes, base64url without padding: 160 bits
      assertThat(sid).matches("[A-Za-z0-9_-]{27}");
      ids.add(sid);
    }
    assertThat(ids).hasSize(100);
  }

  @Test
  void clientCannotChooseItsSessionIdThroughACookie() throws Exception {
    try (TestEngine withCookie = new TestEngine(b -> b.cookie(CookieOptions.defaults()))) {
      HttpResponse<String> first = withCookie.get("EIO=4&transport=polling");
      String setCookie = first.headers().firstValue("set-cookie").orElseThrow();
      assertThat(setCookie).startsWith("io=").contains("Path=/", "SameSite=Lax");
      assertThat(setCookie).containsIgnoringCase("HttpOnly");
      String sid = setCookie.substring(3, setCookie.indexOf(';'));
      assertThat(first.body()).contains(sid);
      HttpResponse<String> second =
          withCookie.http.send(
              HttpRequest.newBuilder(URI.create(withCookie.url("EIO=4&transport=polling")))
                  .header("Cookie", "io=" + sid)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(second.body()).doesNotContain(sid);
    }
  }

  @Test
  void noCookieByDefault() throws Exception {
    assertThat(engine.get("EIO=4&transport=polling").headers().firstValue("set-cookie")).isEmpty();
  }

  @Test
  void pollingOnlyServerRefusesWebSocketAndAdvertisesNoUpgrade() throws Exception {
    try (TestEngine polling = new TestEngine(b -> b.transports(EngineOptions.POLLING))) {
      assertThat(polling.get("EIO=4&transport=polling").body()).contains("\"upgrades\":[]");
      String answer =
          polling.raw(WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket"));
      assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Transport unknown");
    }
  }

  @Test
  void websocketOnlyServerRefusesPolling() throws Exception {
    try (TestEngine ws = new TestEngine(b -> b.transports(EngineOptions.WEBSOCKET))) {
      HttpResponse<String> r = ws.get("EIO=4&transport=polling");
      assertThat(r.body()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
    }
  }

  @Test
  void pathWithoutTrailingSlashMatchesOnlyWhenAddTrailingSlashIsOff() throws Exception {
    String bare = "http://127.0.0.1:" + engine.port + "/engine.io?EIO=4&transport=polling";
    HttpResponse<String> r =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(bare)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);
    try (TestEngine loose = new TestEngine(b -> b.addTrailingSlash(false))) {
      String url = "http://127.0.0.1:" + loose.port + "/engine.io?EIO=4&transport=polling";
      HttpResponse<String> ok =
          loose.http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.body()).startsWith("0{\"sid\"");
    }
  }

  @Test
  void customPath() throws Exception {
    try (TestEngine custom = new TestEngine(b -> b.path("/socket.io"))) {
      String url = "http://127.0.0.1:" + custom.port + "/socket.io/?EIO=4&transport=polling";
      HttpResponse<String> ok =
          custom.http.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.body()).startsWith("0{\"sid\"");
    }
  }
}
