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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter contract with a second, idle sharded node in the cluster: every utility and every
 * broadcast with acks also waits for the other node's answer over sharded pub/sub, and the results
 * stay those of the one-node contract. Subclasses pick the Redis and the subscription mode.
 */
abstract class ShardedTwoNodeContract extends AdapterContractTest {
  private String prefix; // set by adapterFactory(), which the superclass calls while constructing
  private SocketIoServer other;

  abstract ShardedRedis node();

  abstract ShardedRedis otherNode();

  abstract SubscriptionMode mode();

  @Override
  protected AdapterFactory adapterFactory() {
    prefix = TestRedis.uniqueKey();
    return node().factory(prefix, mode());
  }

  @BeforeEach
  void startOtherNode() throws Exception {
    other = SocketIoServer.builder().adapter(otherNode().factory(prefix, mode())).build();
    ((ShardedRedisAdapter) other.sockets().adapter()).subscribed().get(10, TimeUnit.SECONDS);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
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
