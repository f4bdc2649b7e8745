package io.sio4j.adapter.redis;

import io.sio4j.server.AdapterContractTest;
import io.sio4j.server.adapter.AdapterFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The server's adapter contract for {@link RedisAdapter} on one node: everything the in-memory
 * adapter does still holds when every broadcast and utility also goes through Redis (and comes back
 * to its sender, which drops it).
 */
class RedisAdapterContractTest extends AdapterContractTest {
  private static TestRedis redis;

  @BeforeAll
  static void connect() {
    redis = TestRedis.connect();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected AdapterFactory adapterFactory() {
    return redis.factory(TestRedis.uniqueKey());
  }
}
