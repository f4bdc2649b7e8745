package io.sio4j.adapter.redis;

import io.sio4j.server.AdapterContractTest;
import io.sio4j.server.adapter.AdapterFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The server's adapter contract for {@link ShardedRedisAdapter} on one node over a single Redis 7:
 * every broadcast and utility also goes through sharded pub/sub and comes back to its sender, which
 * drops it.
 */
class ShardedAdapterContractTest extends AdapterContractTest {
  private static ShardedRedis redis;

  @BeforeAll
  static void connect() {
    redis = ShardedRedis.standalone();
  }

  @AfterAll
  static void disconnect() throws Exception {
    redis.close();
  }

  @Override
  protected AdapterFactory adapterFactory() {
    return redis.factory(TestRedis.uniqueKey(), SubscriptionMode.DYNAMIC);
  }
}
