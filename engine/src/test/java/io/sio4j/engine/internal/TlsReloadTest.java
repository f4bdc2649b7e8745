package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sio4j.engine.TestEngine;
import io.sio4j.engine.TlsOptions;
import io.sio4j.engine.TlsOptions.Provider;
import io.sio4j.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Certificate reload without a restart (issue 9): after the files are replaced and {@code
 * reloadTls()} is called, or by themselves when watched, new connections see the new certificate
 * and open ones keep working.
 */
class TlsReloadTest {
  @TempDir Path dir;
  private TestEngine engine;

  @AfterEach
  void tearDown() {
    if (engine != null) engine.close();
  }

  @ParameterizedTest
  @EnumSource(names = {"JDK", "OPENSSL"})
  void newConnectionsGetTheReloadedCertificate(Provider provider) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    TestCertificates.Issued first = certs.issue("localhost", "127.0.0.1");
    TestCertificates.Issued renewed = certs.issue("127.0.0.1", "localhost");
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server-key.pem");
    first.copyTo(cert, key);
    engine =
        new TestEngine(b -> b.tls(TlsOptions.builder().pem(cert, key).provider(provider).build()));

    try (TlsPeer old = TlsPeer.connect(certs.clientContext(), engine.port)) {
      assertThat(old.peerSerial()).isEqualTo(first.serial());

      renewed.copyTo(cert, key);
      engine.server.reloadTls();

      try (TlsPeer fresh = TlsPeer.connect(certs.clientContext(), engine.port)) {
        assertThat(fresh.peerSerial()).isEqualTo(renewed.serial());
        assertThat(fresh.socket.getSession().getPeerPrincipal().getName())
            .isEqualTo("CN=127.0.0.1");
        assertThat(fresh.handshakeStatusLine()).isEqualTo("HTTP/1.1 200 OK");
      }
      // the connection made before the reload continues with its certificate
      assertThat(old.handshakeStatusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(old.peerSerial()).isEqualTo(first.serial());
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"JDK", "OPENSSL"})
  void aBrokenRenewalKeepsTheCurrentCertificate(Provider provider) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    TestCertificates.Issued first = certs.issue("localhost", "127.0.0.1");
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server-key.pem");
    first.copyTo(cert, key);
    engine =
        new TestEngine(b -> b.tls(TlsOptions.builder().pem(cert, key).provider(provider).build()));

    Files.writeString(key, "not a key");
    assertThatThrownBy(engine.server::reloadTls).isInstanceOf(IllegalStateException.class);

    try (TlsPeer peer = TlsPeer.connect(certs.clientContext(), engine.port)) {
      assertThat(peer.peerSerial()).isEqualTo(first.serial());
    }
  }

  @Test
  void watchedFilesAreReloadedWhenTheyChange() throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    TestCertificates.Issued first = certs.issue("localhost", "127.0.0.1");
    TestCertificates.Issued renewed = certs.issue("127.0.0.1", "localhost");
    Path cert = dir.resolve("server.pem");
    Path key = dir.resolve("server-key.pem");
    first.copyTo(cert, key);
    engine =
        new TestEngine(
            b -> b.tls(TlsOptions.builder().pem(cert, key).watch(Duration.ofMillis(50)).build()));
    try (TlsPeer peer = TlsPeer.connect(certs.clientContext(), engine.port)) {
      assertThat(peer.peerSerial()).isEqualTo(first.serial());
    }

    // a renewal writes the certificate, then the key; the server ends on the new pair
    Files.copy(renewed.certificatePem(), cert, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(cert, FileTime.from(Instant.now().plusSeconds(5)));
    Files.copy(renewed.keyPem(), key, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(key, FileTime.from(Instant.now().plusSeconds(5)));

    await()
        .atMost(TestEngine.WAIT)
        .untilAsserted(
            () -> {
              try (TlsPeer peer = TlsPeer.connect(certs.clientContext(), engine.port)) {
                assertThat(peer.peerSerial()).isEqualTo(renewed.serial());
              }
            });
  }
}
