package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.ConnectError;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.client.okhttp.OkHttpTransport;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
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
 * TLS against a Node https server with a self-signed certificate made by keytool: certificate and
 * host name verification are on by default; a custom SSLContext is the hook to trust a server.
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientTlsInteropTest {
  @Parameter TransportKind kind;

  private static final String PASS = "changeit";

  @TempDir static Path dir;
  private static Path localCert;
  private static Path otherHostCert;
  private NodeServer server;
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    if (server != null) server.close();
  }

  @BeforeAll
  static void certificates() throws Exception {
    localCert = certificate("ip:127.0.0.1");
    otherHostCert = certificate("dns:other.example");
  }

  private static Path certificate(String san) throws Exception {
    Path ks = dir.resolve(san.replaceAll("\\W", "_") + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=sio4j-test",
                "-ext",
                "SAN=" + san,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                ks.toString(),
                "-storepass",
                PASS,
                "-keypass",
                PASS)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return ks;
  }

  private void startServer(Path ks) {
    server =
        NodeServer.start(
            "{\"tls\":{\"pfx\":\""
                + ks.toString().replace("\\", "\\\\")
                + "\",\"passphrase\":\""
                + PASS
                + "\"}}");
  }

  private static X509TrustManager trustManager(Path ks) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ks)) {
      store.load(in, PASS.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }

  private static SSLContext trusting(Path ks) throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {trustManager(ks)}, null);
    return ctx;
  }

  /**
   * Options trusting {@code ks}: the JDK transport takes an {@code SSLContext} option, OkHttp its
   * own client's {@code sslSocketFactory(factory, trustManager)}.
   */
  private ClientOptions.Builder trustingOptions(Path ks) throws Exception {
    if (kind == TransportKind.JDK) return kind.options().sslContext(trusting(ks));
    OkHttpClient http =
        new OkHttpClient.Builder()
            .sslSocketFactory(trusting(ks).getSocketFactory(), trustManager(ks))
            .build();
    return ClientOptions.builder().transportFactory(OkHttpTransport.factory(http));
  }

  private ConnectError connectError(ClientOptions.Builder b) throws Exception {
    CompletableFuture<ConnectError> error = new CompletableFuture<>();
    socket =
        IO.socket(
            "https://127.0.0.1:" + server.port,
            b.forceNew(true).reconnection(false).timeout(Duration.ofSeconds(10)).build());
    socket.on("connect_error", (ConnectError e) -> error.complete(e));
    return error.get(15, TimeUnit.SECONDS);
  }

  @Test
  void untrustedCertificateIsRefusedByDefault() throws Exception {
    startServer(localCert);
    ConnectError e = connectError(kind.options());
    assertThat(e.isRefusal()).isFalse();
    assertThat(e.getMessage()).contains("xhr poll error");
    assertThat(socket.connected()).isFalse();
  }

  @Test
  void trustedCertificateForAnotherHostIsRefused() throws Exception {
    startServer(otherHostCert);
    ConnectError e = connectError(trustingOptions(otherHostCert));
    assertThat(e.getMessage()).contains("xhr poll error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void customSslContextConnects(String transport) throws Exception {
    Path ks = localCert;
    startServer(ks);
    socket =
        IO.socket(
            "https://127.0.0.1:" + server.port,
            trustingOptions(ks).forceNew(true).transports(transport).build());
    await().atMost(Duration.ofSeconds(15)).until(socket::connected);
    assertThat(server.await("connection").get("transport").asText()).isEqualTo(transport);
  }
}
