package io.sio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The examples' {@code --adapter postgres --postgres URL} contract (issue 11), on the machine's
 * PostgreSQL at 127.0.0.1:5432 (database {@code test}): two servers made from the same arguments
 * form one cluster.
 */
class ArgsPostgresTest {
  private static final String URL = "postgres://postgres@127.0.0.1:5432/test";

  @Test
  void twoNodesFromTheSameArgumentsFormOneCluster() throws Exception {
    String[] args = {"--adapter", "postgres", "--postgres", URL};
    SocketIoServer a = SocketIoServer.builder().adapter(Args.adapter(args)).build();
    SocketIoServer b =
        SocketIoServer.builder().adapter(Args.adapter(new String[] {"--postgres", URL})).build();
    try {
      CompletableFuture<String> got = new CompletableFuture<>();
      b.onServerSideEmit("hello", (list, ack) -> got.complete(list.get(0).asText()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> a.sockets().adapter().serverCount().get() == 2);
      a.serverSideEmit("hello", "from a");
      assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("from a");
    } finally {
      for (SocketIoServer io : List.of(a, b)) io.close();
    }
  }

  @Test
  void badCombinationsAreErrors() {
    assertThatThrownBy(() -> Args.adapter(new String[] {"--adapter", "postgres"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--postgres URL");
    assertThatThrownBy(() -> Args.adapter(new String[] {"--adapter", "redis", "--postgres", URL}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Args.adapter(new String[] {"--postgres", "mysql://x"}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Main.help("chat")).contains("--postgres URL");
  }
}
