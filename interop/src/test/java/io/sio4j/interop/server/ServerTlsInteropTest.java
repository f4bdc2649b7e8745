package io.sio4j.interop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.engine.TlsOptions;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * https and wss (issue 9): our TLS server against npm socket.io-client given the test CA and
 * against our Java client with verification on, on the JDK and the OpenSSL provider; both clients
 * refuse an untrusted certificate and a certificate for another host.
 */
class ServerTlsInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir static Path dir;
  static TestCertificates certs;
  static TestCertificates.Issued local;

  private SocketIoServer io;
  private SioClient node;
  private io.sio4j.client.Socket java;
  private final CompletableFuture<Socket> connected = new CompletableFuture<>();

  @BeforeAll
  static void certificates() {
    certs = TestCertificates.create(dir);
    local = certs.issue("localhost", "127.0.0.1");
  }

  @AfterEach
  void stop() {
    if (java != null) java.io().close();
    if (node != null) node.close();
    if (io != null) io.close();
  }

  private String start(TestCertificates.Issued cert) {
    return start(cert, TlsOptions.Provider.AUTO);
  }

  private String start(TestCertificates.Issued cert, TlsOptions.Provider provider) {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .tls(
                TlsOptions.builder()
                    .pem(cert.certificatePem(), cert.keyPem())
                    .provider(provider)
                    .build())
            .build();
    io.on(
        "connection",
        socket -> {
          socket.on("echo", (String text, io.sio4j.protocol.event.Ack ack) -> ack.send(text));
          connected.complete(socket);
        });
    io.start();
    return "https://127.0.0.1:" + io.address().getPort();
  }

  private static Map<String, Object> nodeOptions(String transport) {
    Map<String, Object> opts = new HashMap<>();
    opts.put("ca", certs.caPemText());
    opts.put("reconnection", false);
    if (!transport.equals("upgrade")) opts.put("transports", List.of(transport));
    return opts;
  }

  @ParameterizedTest
  @CsvSource({
    "polling, JDK", "websocket, JDK", "upgrade, JDK",
    "polling, OPENSSL", "websocket, OPENSSL", "upgrade, OPENSSL"
  })
  void npmClientGivenTheCa(String transport, TlsOptions.Provider provider) throws Exception {
    node = new SioClient(start(local, provider));
    node.connected("a", "/", nodeOptions(transport));
    Socket s = connected.get(15, TimeUnit.SECONDS);
    assertThat(s.handshake().secure()).isTrue();
    int seq = node.emitWithAck("a", "echo", null, "over tls");
    assertThat(node.awaitAck("a", seq).get("args").toString()).isEqualTo("[\"over tls\"]");
    String expected = transport.equals("polling") ? "polling" : "websocket";
    await().atMost(WAIT).until(() -> expected.equals(s.transport()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void npmClientRefusesAnUntrustedCertificate(String transport) {
    node = new SioClient(start(certs.selfSigned("localhost", "127.0.0.1")));
    node.connect("a", "/", nodeOptions(transport));
    assertThat(node.await("connect_error", "a").path("message").asText()).isNotEmpty();
    assertThat(connected).isNotDone();
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void npmClientRefusesACertificateForAnotherHost(String transport) {
    node = new SioClient(start(certs.issue("other.example")));
    node.connect("a", "/", nodeOptions(transport));
    assertThat(node.await("connect_error", "a").path("message").asText()).isNotEmpty();
    assertThat(connected).isNotDone();
  }

  private ClientOptions.Builder javaOptions(String transport) {
    ClientOptions.Builder b =
        ClientOptions.builder()
            .forceNew(true)
            .reconnection(false)
            .timeout(Duration.ofSeconds(10))
            .sslContext(certs.clientContext());
    if (!transport.equals("upgrade")) b.transports(transport);
    return b;
  }

  @ParameterizedTest
  @CsvSource({
    "polling, JDK", "websocket, JDK", "upgrade, JDK",
    "polling, OPENSSL", "websocket, OPENSSL", "upgrade, OPENSSL"
  })
  void javaClientWithVerificationOn(String transport, TlsOptions.Provider provider)
      throws Exception {
    java = IO.socket(start(local, provider), javaOptions(transport).build());
    Socket s = connected.get(15, TimeUnit.SECONDS);
    assertThat(s.handshake().secure()).isTrue();
    JsonNode echoed = java.emitWithAck("echo", "from java").get(15, TimeUnit.SECONDS).json();
    assertThat(echoed.toString()).isEqualTo("[\"from java\"]");
    String expected = transport.equals("polling") ? "polling" : "websocket";
    await().atMost(WAIT).until(() -> expected.equals(s.transport()));
  }

  private ConnectError javaConnectError(String url, String transport) throws Exception {
    CompletableFuture<ConnectError> error = new CompletableFuture<>();
    java = IO.socket(url, javaOptions(transport).build());
    java.on("connect_error", (ConnectError e) -> error.complete(e));
    return error.get(15, TimeUnit.SECONDS);
  }

  @Test
  void javaClientRefusesAnUntrustedCertificate() throws Exception {
    String url = start(certs.selfSigned("localhost", "127.0.0.1"));
    assertThat(javaConnectError(url, "polling").isRefusal()).isFalse();
    assertThat(java.connected()).isFalse();
    assertThat(connected).isNotDone();
  }

  @Test
  void javaClientRefusesACertificateForAnotherHost() throws Exception {
    String url = start(certs.issue("other.example"));
    assertThat(javaConnectError(url, "websocket").isRefusal()).isFalse();
    assertThat(java.connected()).isFalse();
    assertThat(connected).isNotDone();
  }
}
