package io.sio4j.interop.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.interop.cluster.NodeClusterInteropContract;
import java.time.Duration;

/**
 * The mixed-cluster contract over the Redis at 127.0.0.1:6379, with {@code redis-cluster-node.mjs}
 * as the Node node: opens the Lettuce client and the two connections the sio4j adapters use.
 * Subclasses pick the adapter kind.
 */
abstract class RedisNodeClusterContract extends NodeClusterInteropContract {
  RedisClient redis;
  StatefulRedisConnection<byte[], byte[]> pub;
  StatefulRedisPubSubConnection<byte[], byte[]> sub;

  @Override
  protected void openBackend() {
    redis = RedisClient.create("redis://127.0.0.1:6379");
    pub = redis.connect(ByteArrayCodec.INSTANCE);
    sub = redis.connectPubSub(ByteArrayCodec.INSTANCE);
  }

  @Override
  protected void closeBackend() {
    pub.close();
    sub.close();
    redis.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  @Override
  protected String nodeScript() {
    return "redis-cluster-node.mjs";
  }
}
