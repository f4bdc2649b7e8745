package io.sio4j.interop.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.RedisAdapterOptions;
import io.sio4j.examples.Container;
import io.sio4j.examples.chat.ChatApp;
import io.sio4j.examples.chat.RedisChatStore;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.testkit.NodeProcess;
import io.sio4j.testkit.ProjectPaths;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The chat on two nodes that share the machine's Redis (127.0.0.1:6379) for the cluster adapter and
 * for the names and rooms ({@link RedisChatStore}), with one headless Chromium page on each node,
 * driven by {@code interop/node/chat-two-nodes.mjs}: a name taken on node 1 is refused on node 2,
 * messages cross both ways, presence and the list of rooms agree. The adapter key and the store's
 * prefix are fresh for the test, so other users of that Redis cannot interfere. Screenshots go to
 * {@code interop/target/screenshots/}.
 */
class ChatTwoNodesBrowserTest {
  private static final String REDIS = "redis://127.0.0.1:6379";
  private static final Duration STEP = Duration.ofSeconds(60);

  private final List<AutoCloseable> open = new ArrayList<>();

  @Test
  void pagesOnTwoNodesChatAsOne() throws Exception {
    String id = UUID.randomUUID().toString();
    String prefix = "sio4j-chat-test:" + id + ":";
    Path shots = ProjectPaths.interop().resolve("target").resolve("screenshots");
    RedisClient client = RedisClient.create(REDIS);
    try {
      SocketIoServer node1 = startNode(client, "sio4j-test-" + id, prefix);
      SocketIoServer node2 = startNode(client, "sio4j-test-" + id, prefix);
      try (NodeProcess browser =
          NodeProcess.start(
              "chat-two-nodes.mjs",
              "http://127.0.0.1:" + node1.address().getPort() + "/",
              "http://127.0.0.1:" + node2.address().getPort() + "/",
              shots.toString())) {
        assertThat(step(browser, "logged-in").path("me").asText()).isEqualTo("ada");
        JsonNode taken = step(browser, "name-taken");
        assertThat(taken.path("error").asText())
            .isEqualTo("ada username is taken! Try some other username.");
        assertThat(taken.path("chatHidden").asBoolean()).isTrue();
        assertThat(step(browser, "logged-in").path("me").asText()).isEqualTo("bob");

        assertThat(step(browser, "joined").path("title").asText()).isEqualTo("# java");
        assertThat(step(browser, "joined").path("title").asText()).isEqualTo("# java");
        assertThat(texts(step(browser, "presence").path("users"))).containsExactly("ada", "bob");
        assertThat(texts(step(browser, "presence").path("users"))).containsExactly("ada", "bob");

        JsonNode onB = step(browser, "received");
        assertThat(onB.path("page").asText()).isEqualTo("B");
        assertThat(texts(onB.path("texts"))).anyMatch(t -> t.startsWith("adaHello from node 1"));
        JsonNode onA = step(browser, "received");
        assertThat(onA.path("page").asText()).isEqualTo("A");
        assertThat(texts(onA.path("texts"))).anyMatch(t -> t.startsWith("bobHello from node 2"));

        JsonNode lists = step(browser, "room-lists");
        assertThat(texts(lists.path("a")))
            .containsExactlyInAnyOrder("general", "java", "lisbon")
            .containsExactlyInAnyOrderElementsOf(texts(lists.path("b")));

        for (JsonNode file : step(browser, "screenshots").path("files")) {
          Path png = Path.of(file.asText());
          assertThat(png).startsWith(shots).isRegularFile();
          assertThat(Files.size(png)).isGreaterThan(1000);
        }
        assertThat(texts(step(browser, "page-errors").path("errors"))).isEmpty();
        step(browser, "done");
      }
    } finally {
      for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        ScanIterator<String> keys =
            ScanIterator.scan(c.sync(), ScanArgs.Builder.matches(prefix + "*").limit(500));
        while (keys.hasNext()) c.sync().del(keys.next());
      }
      client.shutdown();
    }
  }

  /** One chat node: its own adapter connections on {@code key} and its own store connection. */
  private SocketIoServer startNode(RedisClient client, String key, String prefix) {
    StatefulRedisConnection<byte[], byte[]> pub = client.connect(ByteArrayCodec.INSTANCE);
    open.add(pub);
    StatefulRedisPubSubConnection<byte[], byte[]> sub =
        client.connectPubSub(ByteArrayCodec.INSTANCE);
    open.add(sub);
    AdapterFactory adapter =
        RedisAdapter.factory(pub, sub, RedisAdapterOptions.builder().key(key).build());
    RedisChatStore store = RedisChatStore.connect(REDIS, prefix, Duration.ofSeconds(30));
    open.add(store);
    SocketIoServer io =
        ChatApp.start(
            Container.NETTY,
            "127.0.0.1",
            0,
            null,
            new PrintStream(OutputStream.nullOutputStream()),
            adapter,
            null,
            store.users(),
            store.rooms(ChatApp.HISTORY, ChatApp.MAX_ROOMS));
    open.add(io::close);
    return io;
  }

  private static List<String> texts(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  /** The next line of {@code type}, or the script's failure report as an assertion error. */
  private static JsonNode step(NodeProcess browser, String type) {
    JsonNode line =
        browser.await(
            n -> n.path("type").asText().equals(type) || n.path("type").asText().equals("failed"),
            STEP);
    if (line.path("type").asText().equals("failed")) {
      throw new AssertionError("browser step failed: " + line + "\nstderr:\n" + browser.stderr());
    }
    return line;
  }
}
