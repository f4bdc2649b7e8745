package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContext;
import io.netty.handler.ssl.SslProvider;
import io.sio4j.engine.TestEngine;
import io.sio4j.engine.TlsOptions;
import io.sio4j.engine.TlsOptions.Provider;
import io.sio4j.testkit.TestCertificates;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS on the Netty listener (issue 9): both providers, PEM and key stores, ALPN http/1.1 only,
 * plain HTTP on the TLS port, and clients that must refuse the certificate.
 */
class TlsTest {
  @TempDir static Path dir;
  static TestCertificates certs;
  static TestCertificates.Issued local;

  private TestEngine engine;

  @BeforeAll
  static void certificates() {
    certs = TestCertificates.create(dir);
    local = certs.issue("localhost", "127.0.0.1");
  }

  @AfterEach
  void tearDown() {
    if (engine != null) engine.close();
  }

  private TestEngine start(TlsOptions tls) {
    engine = new TestEngine(b -> b.tls(tls));
    return engine;
  }

  private static TlsOptions pem(TestCertificates.Issued cert, Provider provider) {
    return TlsOptions.builder()
        .pem(cert.certificatePem(), cert.keyPem())
        .provider(provider)
        .build();
  }

  private TlsContexts tls() {
    return ((NettyEngineServer) engine.server).tls();
  }

  private HttpResponse<String> handshake(HttpClient client) throws Exception {
    URI uri =
        URI.create("https://127.0.0.1:" + engine.port + "/engine.io/?EIO=4&transport=polling");
    return client.send(
        HttpRequest.newBuilder(uri).timeout(TestEngine.WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @EnumSource(names = {"JDK", "OPENSSL"})
  void httpsHandshakeWithEachProvider(Provider provider) throws Exception {
    start(pem(local, provider));
    assertThat(tls().provider().name()).isEqualTo(provider.name());
    assertThat(tls().current())
        .isInstanceOf(provider == Provider.JDK ? JdkSslContext.class : OpenSslContext.class);

    HttpResponse<String> r =
        handshake(HttpClient.newBuilder().sslContext(certs.clientContext()).build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("0{\"sid\":");
    X509Certificate peer = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
    assertThat(peer.getSerialNumber()).isEqualTo(local.serial());
  }

  @Test
  void autoUsesOpenSslWhenTcnativeIsOnTheClassPath() {
    // netty-tcnative-boringssl-static is a test dependency of this module
    assertThat(OpenSsl.isAvailable()).as("%s", OpenSsl.unavailabilityCause()).isTrue();
    start(TlsOptions.pem(local.certificatePem(), local.keyPem()));
    assertThat(tls().provider()).isEqualTo(SslProvider.OPENSSL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PKCS12", "JKS"})
  void keyStore(String type) throws Exception {
    char[] pass = "s3cret".toCharArray();
    Path file = local.keyStore(dir.resolve("server-" + type + ".ks"), type, pass);
    start(TlsOptions.builder().keyStore(file, pass).provider(Provider.JDK).build());
    try (TlsPeer peer = TlsPeer.connect(certs.clientContext(), engine.port)) {
      assertThat(peer.peerSerial()).isEqualTo(local.serial());
      assertThat(peer.handshakeStatusLine()).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"JDK", "OPENSSL"})
  void encryptedPemKey(Provider provider) throws Exception {
    char[] pass = "k3y-pass".toCharArray();
    Path key = local.encryptedKeyPem(dir.resolve("encrypted-" + provider + ".pem"), pass);
    start(TlsOptions.builder().pem(local.certificatePem(), key, pass).provider(provider).build());
    try (TlsPeer peer = TlsPeer.connect(certs.clientContext(), engine.port)) {
      assertThat(peer.peerSerial()).isEqualTo(local.serial());
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"JDK", "OPENSSL"})
  void alpnSelectsHttp11EvenWhenH2IsOffered(Provider provider) throws Exception {
    start(pem(local, provider));
    try (TlsPeer peer = TlsPeer.connect(certs.clientContext(), engine.port, "h2", "http/1.1")) {
      assertThat(peer.socket.getApplicationProtocol()).isEqualTo("http/1.1");
      assertThat(peer.handshakeStatusLine()).isEqualTo("HTTP/1.1 200 OK");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"JDK", "OPENSSL"})
  void plainHttpOnTheTlsPortIsClosedWithoutAnAnswer(Provider provider) throws Exception {
    start(pem(local, provider));
    try (Socket s = new Socket("127.0.0.1", engine.port)) {
      s.setSoTimeout((int) TestEngine.WAIT.toMillis());
      s.getOutputStream()
          .write(
              "GET /engine.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      assertThat(in.readAllBytes()).isEmpty(); // EOF: closed, nothing sent back
    }
    assertThat(engine.server.clientsCount()).isZero();
  }

  @Test
  void untrustedCertificateIsRefusedByTheClient() {
    start(pem(certs.selfSigned("localhost", "127.0.0.1"), Provider.AUTO));
    HttpClient client = HttpClient.newBuilder().sslContext(certs.clientContext()).build();
    assertThatThrownBy(() -> handshake(client)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void certificateForAnotherHostIsRefusedByTheClient() {
    start(pem(certs.issue("other.example"), Provider.AUTO));
    HttpClient client = HttpClient.newBuilder().sslContext(certs.clientContext()).build();
    assertThatThrownBy(() -> handshake(client)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void missingKeyFileFailsListen() {
    TlsOptions tls = TlsOptions.pem(local.certificatePem(), dir.resolve("no-such-key.pem"));
    assertThatThrownBy(() -> start(tls))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    engine = null;
  }

  @Test
  void optionsNeedOneKeySource() {
    assertThatThrownBy(() -> TlsOptions.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                TlsOptions.builder()
                    .pem(local.certificatePem(), local.keyPem())
                    .keyStore(dir.resolve("x.p12"), new char[0])
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }
}
