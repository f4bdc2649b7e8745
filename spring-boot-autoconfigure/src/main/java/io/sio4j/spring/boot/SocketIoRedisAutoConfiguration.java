package io.sio4j.spring.boot;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.ShardedRedisAdapter;
import io.sio4j.adapter.redis.ShardedRedisAdapterOptions;
import io.sio4j.server.adapter.AdapterFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Redis adapter over the application's Lettuce {@link RedisClient} bean, when
 * sio4j-adapter-redis is present and {@code sio4j.adapter.type} is {@code auto}, {@code redis} or
 * {@code redis-sharded}. It opens its own two connections (publish, subscribe) and closes them
 * after the server.
 */
@AutoConfiguration(before = SocketIoAutoConfiguration.class)
@ConditionalOnClass({RedisAdapter.class, RedisClient.class})
@ConditionalOnBean(RedisClient.class)
@ConditionalOnExpression("'${sio4j.adapter.type:auto}'.toLowerCase() != 'memory'")
public class SocketIoRedisAutoConfiguration {

  /** The two connections, closed with the context. */
  record RedisConnections(
      StatefulRedisConnection<byte[], byte[]> pub,
      StatefulRedisPubSubConnection<byte[], byte[]> sub)
      implements AutoCloseable {
    @Override
    public void close() {
      sub.close();
      pub.close();
    }
  }

  @Bean
  RedisConnections socketIoRedisConnections(RedisClient client) {
    StatefulRedisConnection<byte[], byte[]> pub = client.connect(ByteArrayCodec.INSTANCE);
    try {
      return new RedisConnections(pub, client.connectPubSub(ByteArrayCodec.INSTANCE));
    } catch (RuntimeException e) {
      pub.close();
      throw e;
    }
  }

  @Bean
  @ConditionalOnMissingBean
  AdapterFactory socketIoAdapterFactory(
      RedisConnections connections, SocketIoProperties properties) {
    return properties.adapter().type() == SocketIoProperties.AdapterKind.REDIS_SHARDED
        ? ShardedRedisAdapter.factory(
            connections.pub(), connections.sub(), ShardedRedisAdapterOptions.DEFAULTS)
        : RedisAdapter.factory(connections.pub(), connections.sub());
  }
}
