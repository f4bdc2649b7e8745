package io.sio4j.interop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.cli.SioCli;
import io.sio4j.testkit.NodeProcess;
import io.sio4j.testkit.ProjectPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command-line client run in-process against the official Node server. */
class CliInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NodeProcess node = NodeProcess.start("node-server.mjs", "{}");
  private final int port = node.await("listening").get("port").asInt();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void tearDown() {
    node.close();
  }

  private String url(String nsp) {
    return "http://127.0.0.1:" + port + nsp;
  }

  private int run(String... args) {
    return SioCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!l.isBlank()) lines.add(JSON.readTree(l));
    }
    return lines;
  }

  private static JsonNode first(List<JsonNode> lines, String type) {
    return lines.stream()
        .filter(l -> l.get("type").asText().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " line in " + lines));
  }

  @Test
  void emitsWithAckAndPrintsTheAck() throws Exception {
    int status =
        run(url("/chat"), "--emit", "ack", "{\"text\":\"hi\"}", "-1", "--ack", "--timeout", "5s");
    assertThat(status).as(err.toString()).isZero();
    List<JsonNode> lines = lines();
    assertThat(first(lines, "connect").get("nsp").asText()).isEqualTo("/chat");
    JsonNode ack = first(lines, "ack");
    assertThat(ack.get("event").asText()).isEqualTo("ack");
    assertThat(ack.get("args").toString()).isEqualTo("[{\"text\":\"hi\"},-1]");
  }

  @Test
  void theShadedJarRunsTheIssuesExample() throws Exception {
    Path jar = ProjectPaths.root().resolve("cli/target/sio4j-cli.jar");
    assertThat(jar).as("built by the cli module's package phase").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                url("/chat"),
                "--emit",
                "ack",
                "{\"text\":\"hi\"}",
                "--ack",
                "--timeout",
                "5s")
            .start();
    boolean exited = p.waitFor(60, TimeUnit.SECONDS);
    if (!exited) p.destroyForcibly();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).isTrue();
    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(stdout)
        .contains("{\"type\":\"ack\",\"event\":\"ack\",\"args\":[{\"text\":\"hi\"}]}");
  }

  @Test
  void repeatedEmitsKeepTheirOwnArguments() throws Exception {
    int status =
        run(
            url("/"),
            "--transports",
            "websocket",
            "--emit",
            "ack",
            "1",
            "\"two\"",
            "--emit",
            "ack",
            "[3]",
            "--ack",
            "--timeout",
            "5s");
    assertThat(status).as(err.toString()).isZero();
    List<String> acks =
        lines().stream()
            .filter(l -> l.get("type").asText().equals("ack"))
            .map(l -> l.get("args").toString())
            .toList();
    assertThat(acks).containsExactly("[1,\"two\"]", "[[3]]");
    JsonNode conn = node.await("connection");
    assertThat(conn.get("transport").asText()).isEqualTo("websocket");
  }

  @Test
  void emitsWithoutAckReachTheServerBeforeExit() {
    int status = run(url("/"), "--emit", "hello", "{\"n\":1}", "--emit", "bye");
    assertThat(status).as(err.toString()).isZero();
    JsonNode hello =
        node.await(n -> n.path("event").asText().equals("hello"), Duration.ofSeconds(10));
    assertThat(hello.get("args").toString()).isEqualTo("[{\"n\":1}]");
    node.await(n -> n.path("event").asText().equals("bye"), Duration.ofSeconds(10));
  }

  @Test
  void authQueryAndHeadersAreSent() throws Exception {
    int status =
        run(
            url("/admin"),
            "--auth",
            "{\"token\":\"secret\"}",
            "--query",
            "k=v",
            "--header",
            "x-test=cli");
    assertThat(status).as(err.toString()).isZero();
    JsonNode conn = node.await("connection");
    assertThat(conn.get("nsp").asText()).isEqualTo("/admin");
    assertThat(conn.get("query").get("k").asText()).isEqualTo("v");
    assertThat(conn.get("headers").get("x-test").asText()).isEqualTo("cli");
  }

  @Test
  void refusedConnectionExitsNonZeroWithTheServersMessage() {
    int status = run(url("/admin"), "--auth", "{\"token\":\"no\"}", "--timeout", "5s");
    assertThat(status).isEqualTo(SioCli.CONNECTION_FAILED);
    assertThat(err.toString()).contains("cannot connect", "not authorized", "bad token");
  }

  @Test
  void unreachableServerExitsNonZero() {
    node.close();
    int status = run(url("/"), "--timeout", "2s");
    assertThat(status).isEqualTo(SioCli.CONNECTION_FAILED);
    assertThat(err.toString()).contains("cannot connect to " + url("/"));
  }

  @Test
  void missingAckExitsWithAckTimeout() {
    int status = run(url("/"), "--emit", "no-answer", "--ack", "--timeout", "500ms");
    assertThat(status).isEqualTo(SioCli.ACK_TIMEOUT);
    assertThat(err.toString()).contains("no ack for 'no-answer' within 500ms");
  }

  @Test
  void usageErrors() {
    assertThat(run(url("/"), "--emit", "x", "{bad json")).isEqualTo(SioCli.USAGE);
    assertThat(err.toString()).contains("not JSON");
    assertThat(run(url("/"), "--timeout", "soon")).isEqualTo(SioCli.USAGE);
    assertThat(run(url("/"), "--transports", "carrier-pigeon")).isEqualTo(SioCli.USAGE);
    assertThat(run("ftp://127.0.0.1/")).isEqualTo(SioCli.USAGE);
    assertThat(run(url("/"), "--auth", "[1]")).isEqualTo(SioCli.USAGE);
  }

  @Test
  void listenPrintsEventsUntilTheServerDisconnects() throws Exception {
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(() -> run(url("/"), "--listen", "--transports", "websocket"));
    node.await("connection");
    node.send(Map.of("cmd", "emit", "event", "news", "args", List.of(Map.of("n", 1), "x")));
    node.await("done");
    node.send(Map.of("cmd", "disconnect"));
    assertThat(status.get(15, TimeUnit.SECONDS)).as(err.toString()).isZero();
    List<JsonNode> lines = lines();
    JsonNode event = first(lines, "event");
    assertThat(event.get("event").asText()).isEqualTo("news");
    assertThat(event.get("args").toString()).isEqualTo("[{\"n\":1},\"x\"]");
    assertThat(first(lines, "disconnect").get("reason").asText()).isEqualTo("io server disconnect");
  }

  @Test
  void listenExitsNonZeroWhenTheConnectionIsLost() throws Exception {
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(() -> run(url("/"), "--listen", "--timeout", "5s"));
    node.await("connection", Duration.ofSeconds(15));
    node.send(Map.of("cmd", "closeTransport"));
    assertThat(status.get(15, TimeUnit.SECONDS)).isEqualTo(SioCli.CONNECTION_FAILED);
    assertThat(err.toString()).contains("connection lost: transport close");
  }
}
