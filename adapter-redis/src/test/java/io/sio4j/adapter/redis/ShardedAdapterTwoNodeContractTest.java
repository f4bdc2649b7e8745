package io.sio4j.adapter.redis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The two-node contract on a single Redis 7, with private rooms on their own channels too. */
class ShardedAdapterTwoNodeContractTest extends ShardedTwoNodeContract {
  private static ShardedRedis redis;
  private static ShardedRedis otherRedis;

  @BeforeAll
  static void connect() {
    redis = ShardedRedis.standalone();
    otherRedis = ShardedRedis.standalone();
  }

  @AfterAll
  static void disconnect() throws Exception {
    redis.close();
    otherRedis.close();
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
    return SubscriptionMode.DYNAMIC_PRIVATE;
  }
}
