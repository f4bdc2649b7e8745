package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.Adapter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official {@code subscriptionMode}s on a single Redis 7: which shard channels a node
 * subscribes to ({@code PUBSUB SHARDCHANNELS}) as rooms come and go, and which channel a one-room
 * broadcast is published on.
 */
class ShardedSubscriptionModeTest {
  private static final String SOCKET_ID = "abcdefghijklmnopqrst"; // 20 characters, like real ids
  private final String prefix = TestRedis.uniqueKey();
  private RedisClient client;
  private StatefulRedisConnection<String, String> admin;
  private StatefulRedisPubSubConnection<String, String> spy;
  private final BlockingQueue<String> spied = new LinkedBlockingQueue<>();
  private ShardedRedis redis;
  private SocketIoServer io;

  @BeforeEach
  void connect() {
    client = RedisClient.create("redis://127.0.0.1:6379");
    admin = client.connect(StringCodec.UTF8);
    spy = client.connectPubSub(StringCodec.UTF8);
    spy.addListener(
        new RedisPubSubAdapter<>() {
          @Override
          public void smessage(String channel, String message) {
            spied.add(channel);
          }
        });
    redis = ShardedRedis.standalone();
  }

  @AfterEach
  void close() throws Exception {
    if (io != null) io.close();
    redis.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private Adapter start(SubscriptionMode mode) throws Exception {
    io = SocketIoServer.builder().adapter(redis.factory(prefix, mode)).build();
    Adapter adapter = io.sockets().adapter();
    ((ShardedRedisAdapter) adapter).subscribed().get(5, TimeUnit.SECONDS);
    return adapter;
  }

  private List<String> channels() {
    return admin.sync().pubsubShardChannels(prefix + "*");
  }

  private void awaitChannels(String... expected) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(channels()).containsExactlyInAnyOrder(expected));
  }

  private String uid() {
    return ((ShardedRedisAdapter) io.sockets().adapter()).uid();
  }

  @Test
  void staticUsesTheNamespaceChannelOnly() throws Exception {
    Adapter adapter = start(SubscriptionMode.STATIC);
    adapter.addAll(SOCKET_ID, Set.of(SOCKET_ID, "red"));
    awaitChannels(prefix + "#/#", prefix + "#/#" + uid() + "#");
    spy.sync().ssubscribe(prefix + "#/#");
    io.to("red").emit("hi");
    assertThat(spied.poll(5, TimeUnit.SECONDS)).isEqualTo(prefix + "#/#");
  }

  @Test
  void dynamicGivesPublicRoomsTheirOwnChannelWhileTheyExist() throws Exception {
    Adapter adapter = start(SubscriptionMode.DYNAMIC);
    adapter.addAll(SOCKET_ID, Set.of(SOCKET_ID, "red"));
    awaitChannels(prefix + "#/#", prefix + "#/#" + uid() + "#", prefix + "#/#red#");
    spy.sync().ssubscribe(prefix + "#/#", prefix + "#/#red#");
    io.to("red").emit("hi");
    assertThat(spied.poll(5, TimeUnit.SECONDS)).isEqualTo(prefix + "#/#red#");
    io.to(SOCKET_ID).emit("private"); // a socket id has no channel of its own
    assertThat(spied.poll(5, TimeUnit.SECONDS)).isEqualTo(prefix + "#/#");
    io.timeout(Duration.ofSeconds(1)).to("red").emitWithAck("with-ack"); // acks: namespace channel
    assertThat(spied.poll(5, TimeUnit.SECONDS)).isEqualTo(prefix + "#/#");
    spy.sync().sunsubscribe(prefix + "#/#", prefix + "#/#red#"); // only the node's channels now
    adapter.delAll(SOCKET_ID);
    awaitChannels(prefix + "#/#", prefix + "#/#" + uid() + "#");
  }

  @Test
  void dynamicPrivateGivesSocketIdsTheirOwnChannelToo() throws Exception {
    Adapter adapter = start(SubscriptionMode.DYNAMIC_PRIVATE);
    adapter.addAll(SOCKET_ID, Set.of(SOCKET_ID, "red"));
    awaitChannels(
        prefix + "#/#",
        prefix + "#/#" + uid() + "#",
        prefix + "#/#red#",
        prefix + "#/#" + SOCKET_ID + "#");
    spy.sync().ssubscribe(prefix + "#/#" + SOCKET_ID + "#");
    io.to(SOCKET_ID).emit("private");
    assertThat(spied.poll(5, TimeUnit.SECONDS)).isEqualTo(prefix + "#/#" + SOCKET_ID + "#");
    spy.sync().sunsubscribe(prefix + "#/#" + SOCKET_ID + "#"); // only the node's channels now
    adapter.delAll(SOCKET_ID);
    awaitChannels(prefix + "#/#", prefix + "#/#" + uid() + "#");
  }
}
