package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A main using the client exits after close(): no thread of ours keeps the JVM alive. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientMainExitTest {
  @Parameter TransportKind kind;

  private Process runMain(String url, String mode) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            ExitingMain.class.getName(),
            url,
            mode,
            kind.name())
        .redirectErrorStream(true)
        .start();
  }

  private static String finish(Process p) throws Exception {
    boolean exited = p.waitFor(30, TimeUnit.SECONDS);
    if (!exited) p.destroyForcibly();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(exited).as("the child JVM exited by itself; output:\n%s", out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void exitsAfterClosingAConnectedSocket() throws Exception {
    try (NodeServer server = NodeServer.start()) {
      String out = finish(runMain(server.url("/"), "close"));
      assertThat(out).contains("ack bye", "main returns");
    }
  }

  @Test
  void exitsAfterClosingWhileConnecting() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    String out = finish(runMain("http://127.0.0.1:" + port, "connecting"));
    assertThat(out).contains("main returns");
  }
}
