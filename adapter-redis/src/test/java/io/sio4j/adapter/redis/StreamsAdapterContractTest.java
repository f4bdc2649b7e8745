package io.sio4j.adapter.redis;

import io.sio4j.server.AdapterContractTest;
import io.sio4j.server.adapter.AdapterFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The server's adapter contract for {@link RedisStreamsAdapter} on one node: every broadcast goes
 * into the stream and comes back to its sender, which drops it; requests go over pub/sub.
 */
class StreamsAdapterContractTest extends AdapterContractTest {
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
  protected AdapterFactory adapterFactory() {
    return redis.factory(TestRedis.uniqueKey());
  }
}
