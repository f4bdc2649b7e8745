package io.sio4j.client.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.transport.HttpConnector;
import io.sio4j.client.transport.HttpConnector.Request;
import io.sio4j.client.transport.HttpConnector.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OkHttp connector's HTTP half over the transport seam, against the JDK's own HTTP server on
 * loopback: requests as sent, responses as received, the size bound, cookies, refused options. Its
 * WebSocket half runs in the interop suite (every client interop test runs on OkHttp too).
 */
class OkHttpConnectorTest {
  private final BlockingQueue<HttpExchange> seen = new LinkedBlockingQueue<>();
  private HttpServer server;
  private volatile String answer = "ok";
  private volatile int status = 200;
  private volatile String setCookie;
  private HttpConnector connector;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          byte[] body = ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().add("X-Echo", new String(body, StandardCharsets.UTF_8));
          if (setCookie != null) ex.getResponseHeaders().add("Set-Cookie", setCookie);
          byte[] out = answer.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status, out.length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(out);
          }
          seen.add(ex);
        });
    server.start();
  }

  @AfterEach
  void stop() {
    if (connector != null) connector.close();
    server.stop(0);
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  private HttpConnector connector(ClientOptions.Builder b) {
    connector = OkHttpTransport.factory().create(b.build());
    return connector;
  }

  private Response send(Request r) throws Exception {
    return connector.send(r).get(10, TimeUnit.SECONDS);
  }

  @Test
  void getCarriesHeadersAndReturnsTheBody() throws Exception {
    connector(ClientOptions.builder());
    answer = "0{\"sid\":\"x\"}";
    Response r =
        send(new Request("GET", uri("/socket.io/?EIO=4"), Map.of("X-Token", List.of("t1")), null));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(answer);
    HttpExchange ex = seen.poll(5, TimeUnit.SECONDS);
    assertThat(ex.getRequestURI().getRawQuery()).isEqualTo("EIO=4");
    assertThat(ex.getRequestHeaders().getFirst("X-Token")).isEqualTo("t1");
  }

  @Test
  void postSendsUtf8TextAndANon200IsAResponse() throws Exception {
    connector(ClientOptions.builder());
    status = 400;
    answer = "{\"code\":1}";
    Response r = send(new Request("POST", uri("/"), Map.of(), "4héllo"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).isEqualTo(answer);
    HttpExchange ex = seen.poll(5, TimeUnit.SECONDS);
    assertThat(ex.getRequestMethod()).isEqualTo("POST");
    assertThat(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("text/plain");
    assertThat(ex.getResponseHeaders().getFirst("X-Echo")).isEqualTo("4héllo");
  }

  @Test
  void aResponseOverTheBoundFails() {
    connector(ClientOptions.builder().maxIncomingBytes(1024));
    answer = "x".repeat(2000);
    assertThatThrownBy(() -> send(new Request("GET", uri("/"), Map.of(), null)))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("larger than 1024 bytes");
  }

  @Test
  void cookiesGoBackThroughTheCookieHandler() throws Exception {
    connector(ClientOptions.builder().cookieHandler(new CookieManager()));
    setCookie = "io=abc; Path=/";
    send(new Request("GET", uri("/"), Map.of(), null));
    seen.poll(5, TimeUnit.SECONDS);
    setCookie = null;
    send(new Request("GET", uri("/"), Map.of(), null));
    HttpExchange second = seen.poll(5, TimeUnit.SECONDS);
    assertThat(second.getRequestHeaders().getFirst("Cookie")).contains("io=abc");
  }

  @Test
  void aRefusedConnectionFailsTheFuture() throws Exception {
    connector(ClientOptions.builder());
    URI dead = uri("/");
    server.stop(0);
    assertThatThrownBy(() -> send(new Request("GET", dead, Map.of(), null)))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void anSslContextOptionIsRefusedLoudly() throws Exception {
    ClientOptions options = ClientOptions.builder().sslContext(SSLContext.getDefault()).build();
    assertThatThrownBy(() -> OkHttpTransport.factory().create(options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sslSocketFactory");
  }
}
