package io.sio4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.testkit.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Option parsing only; the runs against a server are in interop's CliInteropTest. */
class SioCliParsingTest {

  private static SioCli parse(String... args) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    SioCli cli = new SioCli(sink, sink);
    new CommandLine(cli).parseArgs(args);
    return cli;
  }

  @Test
  void eachEmitKeepsItsArgumentsUpToTheNextOption() {
    SioCli cli =
        parse(
            "http://h/chat",
            "--emit",
            "a",
            "1",
            "-2",
            "{\"x\":1}",
            "--ack",
            "--emit",
            "b",
            "--emit=c",
            "[]",
            "--timeout",
            "5s");
    assertThat(cli.url).isEqualTo("http://h/chat");
    assertThat(cli.emits)
        .containsExactly(List.of("a", "1", "-2", "{\"x\":1}"), List.of("b"), List.of("c", "[]"));
    assertThat(cli.ack).isTrue();
    assertThat(cli.timeout).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void repeatableMapsAndLists() {
    SioCli cli =
        parse(
            "http://h",
            "--query",
            "a=1",
            "--query",
            "b=2",
            "--header",
            "x=y",
            "--transports",
            "websocket,polling",
            "--listen");
    assertThat(cli.query).containsEntry("a", "1").containsEntry("b", "2");
    assertThat(cli.headers).containsEntry("x", "y");
    assertThat(cli.transports).containsExactly("websocket", "polling");
    assertThat(cli.listen).isTrue();
  }

  @Test
  void emitWithoutEventIsAUsageError() {
    assertThatThrownBy(() -> parse("http://h", "--emit", "--ack"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("event name");
  }

  @ParameterizedTest
  @CsvSource({"5s, 5000", "500ms, 500", "2m, 120000", "3, 3000"})
  void durations(String text, long millis) {
    assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5h", "-1s", "0s", "soon", "99999999999s"})
  void badDurations(String text) {
    assertThatThrownBy(() -> new DurationConverter().convert(text))
        .isInstanceOf(CommandLine.TypeConversionException.class);
  }

  @Test
  void caTakesAPemWithSeveralCertificates(@TempDir Path dir) throws Exception {
    Path ca = dir.resolve("bundle.pem");
    Files.writeString(
        ca,
        TestCertificates.create(dir).caPemText()
            + TestCertificates.create(Files.createDirectory(dir.resolve("other"))).caPemText());
    SioCli cli = parse("https://h", "--ca", ca.toString());
    assertThat(cli.ca).isEqualTo(ca);
    assertThat(CaTrust.fromPem(ca).getProtocol()).isEqualTo("TLS");
  }

  @Test
  void aCaFileWithoutCertificatesIsAUsageError(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status =
        SioCli.run(
            new String[] {"https://127.0.0.1:1/", "--ca", empty.toString()}, errStream, errStream);
    assertThat(status).isEqualTo(SioCli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--ca");
    assertThat(
            SioCli.run(
                new String[] {
                  "https://127.0.0.1:1/", "--ca", dir.resolve("missing.pem").toString()
                },
                errStream,
                errStream))
        .isEqualTo(SioCli.USAGE);
  }
}
