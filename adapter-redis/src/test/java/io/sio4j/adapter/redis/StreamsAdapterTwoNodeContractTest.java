package io.sio4j.adapter.redis;

import io.sio4j.server.TwoNodeAdapterContractTest;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The adapter contract for {@link RedisStreamsAdapter} with a second, idle node in the cluster (its
 * own three connections): every utility and broadcast with acks also waits for the other node's
 * answer over pub/sub, and the results stay those of the one-node contract.
 */
class StreamsAdapterTwoNodeContractTest extends TwoNodeAdapterContractTest {
  private static StreamsRedis redis;

  @BeforeAll
  static void connect() {
    redis = StreamsRedis.local();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected String newChannel() {
    return TestRedis.uniqueKey();
  }

  @Override
  protected AdapterFactory nodeFactory(String key) {
    return redis.factory(key);
  }

  @Override
  protected AdapterFactory otherNodeFactory(String key) {
    return redis.factory(key);
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((RedisStreamsAdapter) adapter).subscribed();
  }
}
