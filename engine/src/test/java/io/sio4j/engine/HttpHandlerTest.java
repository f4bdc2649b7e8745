package io.sio4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plain HTTP hook serves other paths on the same port as Engine.IO. */
class HttpHandlerTest {
  private static HttpResponse<String> send(TestEngine e, String path, String method, String body)
      throws Exception {
    return e.http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + e.port + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesPagesNextToTheEnginePath() throws Exception {
    HttpHandler pages =
        exchange -> {
          switch (exchange.path()) {
            case "/" -> exchange.respond(200, "text/html; charset=utf-8", "<h1>hi</h1>".getBytes());
            case "/echo" ->
                exchange.respond(
                    201,
                    Map.of(
                        "content-type",
                        List.of("text/plain"),
                        "x-q",
                        List.of(exchange.query().get("q"))),
                    (exchange.method() + ":" + new String(exchange.body(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
            case "/boom" -> throw new IllegalStateException("handler bug");
            default -> {
              return false;
            }
          }
          return true;
        };
    try (TestEngine e = new TestEngine(b -> b.httpHandler(pages))) {
      HttpResponse<String> page = send(e, "/", "GET", "");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).isEqualTo("<h1>hi</h1>");
      HttpResponse<String> echo = send(e, "/echo?q=1", "POST", "data");
      assertThat(echo.statusCode()).isEqualTo(201);
      assertThat(echo.body()).isEqualTo("POST:data");
      assertThat(echo.headers().firstValue("x-q")).hasValue("1");
      assertThat(send(e, "/missing", "GET", "").statusCode()).isEqualTo(404);
      assertThat(send(e, "/boom", "GET", "").statusCode()).isEqualTo(500);
      // Engine.IO still answers on its path
      assertThat(e.get("EIO=4&transport=polling").body()).startsWith("0{");
    }
  }

  @Test
  void withoutHandlerOtherPathsAre404() throws Exception {
    try (TestEngine e = new TestEngine()) {
      assertThat(send(e, "/index.html", "GET", "").statusCode()).isEqualTo(404);
    }
  }
}
