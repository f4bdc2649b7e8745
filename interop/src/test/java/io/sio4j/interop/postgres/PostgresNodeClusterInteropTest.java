package io.sio4j.interop.postgres;

import static io.sio4j.interop.cluster.NodeCommands.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.adapter.postgres.PostgresAdapter;
import io.sio4j.adapter.postgres.PostgresAdapterOptions;
import io.sio4j.adapter.postgres.PostgresAdapters;
import io.sio4j.interop.cluster.NodeClusterInteropContract;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A Node socket.io 4.8 server with npm {@code @socket.io/postgres-adapter} 0.5 and a sio4j server
 * with {@link PostgresAdapter} in one cluster over the PostgreSQL at 127.0.0.1:5432 (database
 * {@code test}): the mixed-cluster contract (broadcasts with binary, which goes through the
 * attachment table as MessagePack, rooms, fetchSockets with remote actions, the utilities,
 * serverSideEmit with acks and broadcasts with acks, in both directions), plus payloads over the
 * NOTIFY limit and except.
 */
class PostgresNodeClusterInteropTest extends NodeClusterInteropContract {
  private static final String URL = "postgres://postgres@127.0.0.1:5432/test";

  @Override
  protected AdapterFactory adapter() throws Exception {
    PostgresAdapterOptions options =
        PostgresAdapterOptions.builder()
            .channelPrefix(key)
            .heartbeatInterval(Duration.ofSeconds(1))
            .heartbeatTimeout(Duration.ofSeconds(3))
            .requestsTimeout(Duration.ofSeconds(3))
            .build();
    return PostgresAdapters.connect(URL, options).factory();
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((PostgresAdapter) adapter).subscribed();
  }

  @Override
  protected String nodeScript() {
    return "postgres-cluster-node.mjs";
  }

  @Override
  protected String nodeConfig() {
    return "{\"prefix\":\"" + key + "\",\"postgres\":\"" + URL + "\"}";
  }

  /** The Node node must count two as well before a test starts. */
  @Override
  protected void awaitCluster() {
    super.awaitCluster();
    Awaitility.await().atMost(WAIT).until(() -> command("serverCount").path("count").asInt() == 2);
  }

  @Test
  void payloadsOverTheNotifyLimitGoThroughTheTableBothWays() {
    connect("n1", "", false);
    connect("j1", "", true);
    String big = "x".repeat(20_000);
    java.emit("big-from-java", big);
    for (String name : List.of("n1", "j1")) {
      assertThat(clientEvent(name, "big-from-java").path("args").get(0).asText()).isEqualTo(big);
    }
    command("emit", "event", "big-from-node", "args", List.of(big));
    for (String name : List.of("n1", "j1")) {
      assertThat(clientEvent(name, "big-from-node").path("args").get(0).asText()).isEqualTo(big);
    }
  }

  @Test
  void exceptAcrossNodes() {
    connect("n1", "red", false);
    connect("n2", "blue", false);
    connect("j1", "red", true);
    connect("j2", "blue", true);
    java.except("red").emit("not-red", 1);
    command("emit", "except", List.of("blue"), "event", "not-blue", "args", List.of(2));
    command("emit", "event", "sync", "args", List.of());
    for (String name : List.of("n2", "j2")) clientEvent(name, "not-red");
    for (String name : List.of("n1", "j1")) clientEvent(name, "not-blue");
    for (String name : List.of("n1", "n2", "j1", "j2")) clientEvent(name, "sync");
    // "sync" went out last: anything misrouted would have arrived by now
    for (String name : List.of("n1", "j1")) assertThat(unreadEvent(name, "not-red")).isFalse();
    for (String name : List.of("n2", "j2")) assertThat(unreadEvent(name, "not-blue")).isFalse();
  }
}
