package io.sio4j.adapter.redis;

import io.sio4j.server.TwoNodeAdapterContractTest;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.util.concurrent.CompletableFuture;

/**
 * The adapter contract with a second, idle sharded node in the cluster: every utility and every
 * broadcast with acks also waits for the other node's answer over sharded pub/sub, and the results
 * stay those of the one-node contract. Subclasses pick the Redis and the subscription mode.
 */
abstract class ShardedTwoNodeContract extends TwoNodeAdapterContractTest {
  abstract ShardedRedis node();

  abstract ShardedRedis otherNode();

  abstract SubscriptionMode mode();

  @Override
  protected String newChannel() {
    return TestRedis.uniqueKey();
  }

  @Override
  protected AdapterFactory nodeFactory(String prefix) {
    return node().factory(prefix, mode());
  }

  @Override
  protected AdapterFactory otherNodeFactory(String prefix) {
    return otherNode().factory(prefix, mode());
  }

  @Override
  protected CompletableFuture<Void> subscribed(Adapter adapter) {
    return ((ShardedRedisAdapter) adapter).subscribed();
  }
}
