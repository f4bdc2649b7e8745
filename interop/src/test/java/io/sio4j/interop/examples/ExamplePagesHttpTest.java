package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.examples.chat.ChatApp;
import io.sio4j.examples.tutorial.HelloWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples' pages over real HTTP, on the same port as Socket.IO. */
class ExamplePagesHttpTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theChatServesItsPageScriptAndStyle() throws Exception {
    try (RunningExample ex = new RunningExample(ChatApp::start)) {
      HttpResponse<String> page = get(ex.port, "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
      assertThat(page.body())
          .contains("<title>sio4j chat</title>", "/socket.io/socket.io.js", "/chat.js");
      assertThat(get(ex.port, "/chat.js").body()).contains("io()");
      assertThat(get(ex.port, "/chat.css").statusCode()).isEqualTo(200);
      assertThat(get(ex.port, "/nothing-here.js").statusCode()).isEqualTo(404);
      assertThat(get(ex.port, "/..%2F..%2Flogback.xml").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void eachExampleServesItsOwnPage() throws Exception {
    try (RunningExample ex = new RunningExample(HelloWorld::start)) {
      HttpResponse<String> page = get(ex.port, "/");
      assertThat(page.body()).contains("<h1>Hello world</h1>").doesNotContain("sio4j chat");
      assertThat(get(ex.port, "/example.css").statusCode()).isEqualTo(200);
      assertThat(get(ex.port, "/chat.js").statusCode()).isEqualTo(404);
    }
  }
}
