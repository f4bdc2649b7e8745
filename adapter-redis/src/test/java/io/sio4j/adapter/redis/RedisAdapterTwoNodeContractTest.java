package io.sio4j.adapter.redis;

import io.sio4j.server.TwoNodeAdapterContractTest;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The adapter contract with a second, idle server node in the cluster (its own Redis connections):
 * every utility and every broadcast with acks now also waits for the other node's answer (a client
 * count of 0, an empty socket list) over Redis, and the results stay those of the one-node
 * contract.
 */
class RedisAdapterTwoNodeContractTest extends TwoNodeAdapterContractTest {
  private static TestRedis redis;
  private static TestRedis otherRedis;

  @BeforeAll
  static void connect() {
    redis = TestRedis.connect();
    otherRedis = TestRedis.connect();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
    otherRedis.close();
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
    return otherRedis.factory(key);
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((RedisAdapter) adapter).subscribed();
  }
}
