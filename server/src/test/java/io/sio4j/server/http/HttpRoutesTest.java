package io.sio4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {
  record Health(String status, int sessions) {}

  private final HttpRoutes routes =
      HttpRoutes.create()
          .getJson("/api/health", ex -> new Health("ok", 3))
          .getJson("/api/slow", ex -> CompletableFuture.supplyAsync(() -> List.of(1, 2)))
          .getJson(
              "/api/broken",
              ex -> {
                throw new IllegalStateException("boom");
              })
          .route(
              "POST",
              "/api/echo",
              ex -> {
                ex.respond(200, "text/plain", ex.body());
                return true;
              })
          .then(
              ex -> {
                if (!ex.path().equals("/fallback")) return false;
                ex.respond(418, Map.of(), "teapot".getBytes(StandardCharsets.UTF_8));
                return true;
              });

  @Test
  void jsonRoute() {
    FakeExchange ex = FakeExchange.get("/api/health?verbose=1");
    assertThat(routes.handle(ex)).isTrue();
    assertThat(ex.response().status()).isEqualTo(200);
    assertThat(ex.response().header("content-type")).isEqualTo("application/json; charset=utf-8");
    assertThat(ex.response().text()).isEqualTo("{\"status\":\"ok\",\"sessions\":3}");
  }

  @Test
  void asyncJsonRoute() {
    FakeExchange ex = FakeExchange.get("/api/slow");
    assertThat(routes.handle(ex)).isTrue();
    assertThat(ex.response().text()).isEqualTo("[1,2]");
  }

  @Test
  void failingRouteIs500() {
    FakeExchange ex = FakeExchange.get("/api/broken");
    assertThat(routes.handle(ex)).isTrue();
    assertThat(ex.response().status()).isEqualTo(500);
    assertThat(ex.response().text()).doesNotContain("boom");
  }

  @Test
  void methodsAndFallbacks() {
    assertThat(routes.handle(new FakeExchange("POST", "/api/health"))).isFalse();
    FakeExchange head = new FakeExchange("HEAD", "/api/health");
    assertThat(routes.handle(head)).isTrue();
    assertThat(head.response().body()).isEmpty();
    FakeExchange post = new FakeExchange("POST", "/api/echo");
    assertThat(routes.handle(post)).isTrue();
    FakeExchange fallback = FakeExchange.get("/fallback");
    assertThat(routes.handle(fallback)).isTrue();
    assertThat(fallback.response().status()).isEqualTo(418);
    assertThat(routes.handle(FakeExchange.get("/api/health/extra"))).isFalse();
    assertThat(routes.handle(FakeExchange.get("/nothing"))).isFalse();
  }

  @Test
  void composesTheBundleAndStaticFiles() {
    HttpRoutes all =
        HttpRoutes.of(BrowserClient.at("/socket.io"), StaticFiles.fromClasspath("web"));
    FakeExchange js = FakeExchange.get("/socket.io/socket.io.js");
    assertThat(all.handle(js)).isTrue();
    assertThat(js.response().status()).isEqualTo(200);
    FakeExchange page = FakeExchange.get("/");
    assertThat(all.handle(page)).isTrue();
    assertThat(page.response().text()).contains("home");
  }
}
