package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.examples.Container;
import io.sio4j.testkit.NodeProcess;
import io.sio4j.testkit.ProjectPaths;
import io.sio4j.testkit.TestCertificates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples jar's TLS contract (issue 9): {@code --tls-cert FILE --tls-key FILE} makes an
 * example serve its page over https and Socket.IO over https/wss, which the npm client reaches when
 * given the CA, on every container (Netty's own listener, embedded Jetty's and Tomcat's TLS
 * connectors); a client that does not trust the CA is refused.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Container.class)
class ExampleTlsTest {
  /** What carries the bytes. */
  @Parameter Container container;

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern LISTENING =
      Pattern.compile("listening on https://localhost:(\\d+)/");

  @TempDir static Path dir;
  static TestCertificates certs;
  static TestCertificates.Issued local;

  private Process example;
  private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();

  @BeforeAll
  static void certificates() {
    certs = TestCertificates.create(dir);
    local = certs.issue("localhost", "127.0.0.1");
  }

  @AfterEach
  void stop() throws Exception {
    if (example != null) {
      example.destroy();
      assertThat(example.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private int startJar(String name) throws Exception {
    Path jar = ProjectPaths.root().resolve("examples/target/sio4j-examples.jar");
    assertThat(jar).as("built by the examples module's package phase").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    example =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                name,
                "--container",
                container.label(),
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--tls-cert",
                local.certificatePem().toString(),
                "--tls-key",
                local.keyPem().toString())
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(example.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine())
                  stdout.add(line);
              } catch (java.io.IOException e) {
                // the process ended
              }
            },
            "example-stdout");
    reader.setDaemon(true);
    reader.start();
    while (true) {
      String line = stdout.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(line).as("the example's 'listening on https://...' line").isNotNull();
      Matcher m = LISTENING.matcher(line);
      if (m.find()) return Integer.parseInt(m.group(1));
    }
  }

  private void awaitLine(String text) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String line = stdout.poll(1, TimeUnit.SECONDS);
      if (line != null && line.contains(text)) return;
    }
    throw new AssertionError("no line containing '" + text + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void helloServesHttpsAndWss(String transport) throws Exception {
    int port = startJar("hello");

    HttpClient https = HttpClient.newBuilder().sslContext(certs.clientContext()).build();
    HttpResponse<String> page =
        https.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
                .timeout(WAIT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("socket.io");

    try (NodeProcess node = NodeProcess.start("example-clients.mjs")) {
      node.await("ready", WAIT);
      node.send(
          Map.of(
              "op",
              "open",
              "id",
              "a",
              "url",
              "https://127.0.0.1:" + port + "/",
              "opts",
              Map.of("ca", certs.caPemText(), "transports", List.of(transport))));
      node.await(
          n -> "connect".equals(n.path("type").asText()) && "a".equals(n.path("id").asText()),
          WAIT);
      awaitLine("A user connected");
    }
  }

  @Test
  void aClientWithoutTheCaIsRefused() throws Exception {
    int port = startJar("hello");
    HttpClient untrusting = HttpClient.newHttpClient();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                untrusting.send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "https://127.0.0.1:"
                                    + port
                                    + "/socket.io/?EIO=4&transport=polling"))
                        .timeout(WAIT)
                        .build(),
                    HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
  }
}
