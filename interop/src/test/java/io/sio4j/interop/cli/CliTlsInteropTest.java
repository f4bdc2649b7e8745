package io.sio4j.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.cli.SioCli;
import io.sio4j.engine.TlsOptions;
import io.sio4j.protocol.event.Ack;
import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI's {@code --ca FILE} against our https/wss server with a private CA (issue 9). */
class CliTlsInteropTest {
  @TempDir static Path dir;
  static TestCertificates certs;

  private SocketIoServer io;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void certificates() {
    certs = TestCertificates.create(dir);
  }

  @AfterEach
  void tearDown() {
    if (io != null) io.close();
  }

  private String start(TestCertificates.Issued cert) {
    io =
        SocketIoServer.builder()
            .host("127.0.0.1")
            .port(0)
            .tls(TlsOptions.pem(cert.certificatePem(), cert.keyPem()))
            .build();
    io.on("connection", s -> s.on("echo", (String text, Ack ack) -> ack.send(text)));
    io.start();
    return "https://127.0.0.1:" + io.address().getPort() + "/";
  }

  private int run(String... args) {
    return SioCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void trustsThePrivateCa(String transport) {
    String url = start(certs.issue("localhost", "127.0.0.1"));
    int status =
        run(
            url,
            "--ca",
            certs.caPem().toString(),
            "--transports",
            transport,
            "--emit",
            "echo",
            "\"tls\"",
            "--ack",
            "--timeout",
            "5s");
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"type\":\"connect\"")
        .contains("{\"type\":\"ack\",\"event\":\"echo\",\"args\":[\"tls\"]}");
  }

  @Test
  void withoutTheCaTheServerIsRefused() {
    String url = start(certs.issue("localhost", "127.0.0.1"));
    assertThat(run(url, "--timeout", "5s")).isEqualTo(SioCli.CONNECTION_FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\"connect\"");
  }

  @Test
  void aCertificateForAnotherHostIsRefusedEvenWithTheCa() {
    String url = start(certs.issue("other.example"));
    assertThat(run(url, "--ca", certs.caPem().toString(), "--timeout", "5s"))
        .isEqualTo(SioCli.CONNECTION_FAILED);
  }

  @Test
  void anUntrustedCertificateIsRefused() {
    String url = start(certs.selfSigned("localhost", "127.0.0.1"));
    assertThat(run(url, "--ca", certs.caPem().toString(), "--timeout", "5s"))
        .isEqualTo(SioCli.CONNECTION_FAILED);
  }
}
