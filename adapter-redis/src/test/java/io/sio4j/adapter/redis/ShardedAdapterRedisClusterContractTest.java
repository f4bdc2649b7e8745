package io.sio4j.adapter.redis;

import io.sio4j.testkit.RedisClusterProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The two-node contract on a real Redis Cluster of three masters (started from Debian's {@code
 * redis-server}): each node's channels live on the masters that own their slots.
 */
class ShardedAdapterRedisClusterContractTest extends ShardedTwoNodeContract {
  private static RedisClusterProcess cluster;
  private static ShardedRedis redis;
  private static ShardedRedis otherRedis;

  @BeforeAll
  static void connect() {
    cluster = RedisClusterProcess.start();
    redis = ShardedRedis.cluster(cluster.uri());
    otherRedis = ShardedRedis.cluster(cluster.uri());
  }

  @AfterAll
  static void disconnect() throws Exception {
    try {
      if (redis != null) redis.close();
      if (otherRedis != null) otherRedis.close();
    } finally {
      if (cluster != null) cluster.close();
    }
  }

  @Override
  ShardedRedis node() {
    return redis;
  }

  @Override
  ShardedRedis otherNode() {
    return otherRedis;
  }

  @Override
  SubscriptionMode mode() {
    return SubscriptionMode.DYNAMIC;
  }
}
