package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.server.AdapterContractTest;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract for {@link RedisStreamsAdapter} with a second, idle node in the cluster (its
 * own three connections): every utility and broadcast with acks also waits for the other node's
 * answer over pub/sub, and the results stay those of the one-node contract.
 */
class StreamsAdapterTwoNodeContractTest extends AdapterContractTest {
  private static StreamsRedis redis;
  private String key; // set by adapterFactory(), which the superclass calls while constructing
  private SocketIoServer other;

  @BeforeAll
  static void connect() {
    redis = StreamsRedis.local();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected AdapterFactory adapterFactory() {
    key = TestRedis.uniqueKey();
    return redis.factory(key);
  }

  @BeforeEach
  void startOtherNode() throws Exception {
    other = SocketIoServer.builder().adapter(redis.factory(key)).build();
    ((RedisStreamsAdapter) other.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> other.sockets().adapter().serverCount().get() == 2);
  }

  @AfterEach
  void stopOtherNode() {
    other.close();
  }

  /** With two nodes there is someone to reach: a node without a listener lets it time out. */
  @Override
  @Test
  protected void serverSideEmitOnOneNodeReachesNoOne() {
    assertThatThrownBy(() -> other.serverSideEmitWithAck("hello").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);
    assertThatThrownBy(() -> other.serverSideEmit("disconnect"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(other.sockets().sockets()).isEmpty();
  }
}
