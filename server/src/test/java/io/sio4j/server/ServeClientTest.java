package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.server.http.HttpRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * serveClient and user routes on the Socket.IO port. (The bundle itself under {@code /socket.io/}
 * needs the engine to offer non-Engine.IO requests under its path to the HTTP handler first; see
 * the report to the lead.)
 */
class ServeClientTest {
  private SocketIoServer io;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (io != null) io.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + io.address().getPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheBundleAndUserRoutesOnTheSamePort() throws Exception {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .httpHandler(
                HttpRoutes.create()
                    .get(
                        "/",
                        ex -> {
                          ex.respond(200, "text/html", "<p>hi</p>".getBytes());
                          return true;
                        }))
            .build()
            .start();
    assertThat(get("/").body()).isEqualTo("<p>hi</p>");
    assertThat(get("/socket.io/?EIO=4&transport=polling").body()).startsWith("0{\"sid\"");
  }

  @Test
  void serveClientIsOnByDefaultAndCanBeTurnedOff() {
    assertThat(SocketIoServer.builder().options().httpHandler()).isNotNull();
    assertThat(SocketIoServer.builder().serveClient(false).options().httpHandler()).isNull();
  }
}
