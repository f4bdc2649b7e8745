package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine hooks over loopback HTTP and raw WebSocket requests: {@code initial_headers} and
 * {@code headers} on polling responses and on the 101, {@code engine.use} middlewares (refusal,
 * failure, a throwing middleware, async continuation, headers, one that never answers) and {@code
 * generateId} (sync, async, invalid, duplicate, failing). The npm client's view of the same hooks
 * is in interop's {@code EngineHooksInteropTest}.
 */
class EngineHooksTest {
  private TestEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) engine.close();
  }

  private void withHeaderHooks() {
    engine.server.on(
        "initial_headers", (h, req) -> h.put("set-cookie", List.of("initial=1; Path=/")));
    engine.server.on(
        "headers",
        (h, req) -> {
          // what initial_headers put may be immutable: copy, add, put back
          List<String> cookies = new ArrayList<>(h.getOrDefault("set-cookie", List.of()));
          cookies.add("every=1; Path=/");
          h.put("set-cookie", cookies);
          h.put("x-hooked", List.of(req.path()));
        });
  }

  @Test
  void initialHeadersOnTheHandshakeOnlyAndHeadersOnEveryPollingResponse() throws Exception {
    engine = new TestEngine();
    withHeaderHooks();
    HttpResponse<String> handshake = engine.get("EIO=4&transport=polling");
    assertThat(handshake.headers().allValues("set-cookie"))
        .containsExactly("initial=1; Path=/", "every=1; Path=/");
    assertThat(handshake.headers().firstValue("x-hooked")).hasValue("/engine.io/");
    String body = handshake.body();
    String sid = body.substring(body.indexOf("\"sid\":\"") + 7, body.indexOf("\",\"upgrades"));

    HttpResponse<String> post = engine.post("EIO=4&transport=polling&sid=" + sid, "4hello");
    assertThat(post.body()).isEqualTo("ok");
    assertThat(post.headers().allValues("set-cookie")).containsExactly("every=1; Path=/");
    HttpResponse<String> poll = engine.get("EIO=4&transport=polling&sid=" + sid);
    assertThat(poll.body()).isEqualTo("4hello");
    assertThat(poll.headers().allValues("set-cookie")).containsExactly("every=1; Path=/");

    // error answers are not hooked, as in the official server
    HttpResponse<String> error = engine.get("EIO=4&transport=polling&sid=nope");
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(error.headers().allValues("set-cookie")).isEmpty();
  }

  @Test
  void headersReachTheUpgrade101AndInitialHeadersAWebSocketOnlyHandshake() throws Exception {
    engine = new TestEngine();
    withHeaderHooks();
    String sid = engine.openPolling();
    try (RawWebSocket ws =
        RawWebSocket.connect(
            engine.port,
            WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket&sid=" + sid))) {
      assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101");
      assertThat(ws.handshakeResponse).contains("set-cookie: every=1; Path=/");
      assertThat(ws.handshakeResponse).doesNotContain("initial=1");
    }
    try (RawWebSocket ws =
        RawWebSocket.connect(
            engine.port, WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket"))) {
      assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101");
      assertThat(ws.handshakeResponse).contains("set-cookie: initial=1; Path=/");
      assertThat(ws.handshakeResponse).contains("set-cookie: every=1; Path=/");
      assertThat(ws.read().text()).startsWith("0{");
    }
  }

  @Test
  void aThrowingOrInvalidHeadersListenerDoesNotBreakTheResponse() throws Exception {
    engine = new TestEngine();
    engine.server.on(
        "headers",
        (h, req) -> {
          throw new IllegalStateException("boom");
        });
    engine.server.on("initial_headers", (h, req) -> h.put("bad header", List.of("x")));
    HttpResponse<String> r = engine.get("EIO=4&transport=polling");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("0{");
    assertThat(r.headers().map()).doesNotContainKey("bad header");
  }

  @Test
  void middlewareRefusesWithItsOwnStatusAndHeaders() throws Exception {
    engine = new TestEngine();
    engine.server.use(
        (req, res, next) -> {
          res.setHeader("www-authenticate", "Bearer");
          res.end(401, "text/plain", "login first");
        });
    HttpResponse<String> r = engine.get("EIO=4&transport=polling");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).isEqualTo("login first");
    assertThat(r.headers().firstValue("www-authenticate")).hasValue("Bearer");
    assertThat(engine.server.clientsCount()).isZero();

    String answer = engine.raw(WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket"));
    assertThat(answer).startsWith("HTTP/1.1 401").contains("login first");
    assertThat(engine.server.clientsCount()).isZero();
  }

  @Test
  void failingOrThrowingMiddlewareGetsTheOfficialBadRequest() throws Exception {
    engine = new TestEngine();
    AtomicInteger calls = new AtomicInteger();
    engine.server.use(
        (req, res, next) -> {
          if (calls.incrementAndGet() == 1) next.fail(new SecurityException("no"));
          else throw new IllegalStateException("middleware bug");
        });
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> r = engine.get("EIO=4&transport=polling");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
      assertThat(engine.awaitError().code()).isEqualTo(3);
    }
    assertThat(engine.server.clientsCount()).isZero();
  }

  @Test
  void middlewaresRunInOrderForEveryEngineRequestAndMayContinueLater() throws Exception {
    engine = new TestEngine();
    List<String> seen = new CopyOnWriteArrayList<>();
    engine.server.use(
        (req, res, next) -> {
          seen.add("1 " + req.method() + " " + req.query().containsKey("sid"));
          res.setHeader("x-first", "yes");
          // continue from another thread, as after an async session-store lookup
          new Thread(next::proceed).start();
        });
    engine.server.use(
        (req, res, next) -> {
          seen.add("2");
          next.proceed();
        });
    HttpResponse<String> r = engine.get("EIO=4&transport=polling");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("x-first")).hasValue("yes");
    String body = r.body();
    String sid = body.substring(body.indexOf("\"sid\":\"") + 7, body.indexOf("\",\"upgrades"));
    assertThat(engine.post("EIO=4&transport=polling&sid=" + sid, "4x").body()).isEqualTo("ok");
    try (RawWebSocket ws =
        RawWebSocket.connect(
            engine.port,
            WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket&sid=" + sid))) {
      assertThat(ws.handshakeResponse).startsWith("HTTP/1.1 101").contains("x-first: yes");
    }
    assertThat(seen).containsExactly("1 GET false", "2", "1 POST true", "2", "1 GET true", "2");
  }

  @Test
  void aMiddlewareThatNeverAnswersHoldsNothingOnceTheClientLeaves() throws Exception {
    engine = new TestEngine();
    CompletableFuture<EngineMiddleware.Next> pending = new CompletableFuture<>();
    engine.server.use(
        (req, res, next) -> {
          if (!pending.complete(next)) next.proceed(); // only the first request is left waiting
        });
    try (Socket s = new Socket("127.0.0.1", engine.port)) {
      s.getOutputStream()
          .write(
              "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      pending.get(10, TimeUnit.SECONDS);
    }
    // the request was retained for the middleware; the closed connection released it (the
    // paranoid leak detector would report it otherwise) and the server goes on
    assertThat(engine.server.clientsCount()).isZero();
    assertThat(engine.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);
  }

  @Test
  void generateIdGivesTheSidAndIsValidated() throws Exception {
    AtomicInteger n = new AtomicInteger();
    engine =
        new TestEngine(
            b ->
                b.generateId(
                    req ->
                        switch (n.incrementAndGet()) {
                          case 1, 2 -> "custom-1"; // the second is a duplicate
                          case 3 -> "has space";
                          case 4 -> throw new IllegalStateException("id store down");
                          default -> "custom-5";
                        }));
    assertThat(engine.openPolling()).isEqualTo("custom-1");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = engine.get("EIO=4&transport=polling");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
    }
    assertThat(engine.server.clientsCount()).isEqualTo(1);
    try (RawWebSocket ws =
        RawWebSocket.connect(
            engine.port, WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket"))) {
      assertThat(ws.read().text()).startsWith("0{\"sid\":\"custom-5\"");
    }
  }

  @Test
  void generateIdMayBeAsync() throws Exception {
    engine =
        new TestEngine(
            b ->
                b.generateIdAsync(
                    req ->
                        CompletableFuture.supplyAsync(
                            () -> "async-" + req.query().get("transport"),
                            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))));
    assertThat(engine.openPolling()).isEqualTo("async-polling");
    try (RawWebSocket ws =
        RawWebSocket.connect(
            engine.port, WebSocketRequests.upgrade("/engine.io/?EIO=4&transport=websocket"))) {
      assertThat(ws.read().text()).startsWith("0{\"sid\":\"async-websocket\"");
    }
  }

  @Test
  void handshakeRequestViewParsesCookies() throws IOException, InterruptedException {
    engine = new TestEngine();
    CompletableFuture<HandshakeRequest> seen = new CompletableFuture<>();
    engine.server.use(
        (req, res, next) -> {
          seen.complete(req);
          next.proceed();
        });
    engine.http.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(engine.url("EIO=4&transport=polling&x=1")))
            .header("Cookie", "a=1; b=\"two\"; a=ignored")
            .build(),
        HttpResponse.BodyHandlers.ofString());
    HandshakeRequest req = seen.join();
    assertThat(req.cookies())
        .containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "two"));
    assertThat(req.path()).isEqualTo("/engine.io/");
    assertThat(req.query()).containsEntry("x", "1");
    assertThat(req.principal()).isEmpty();
    assertThat(req.session()).isEmpty();
    assertThat(req.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
  }
}
