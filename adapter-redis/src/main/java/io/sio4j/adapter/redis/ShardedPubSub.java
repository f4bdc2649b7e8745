package io.sio4j.adapter.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Sharded pub/sub ({@code SPUBLISH}, {@code SSUBSCRIBE}, {@code PUBSUB SHARDNUMSUB}) over either a
 * single Redis 7 or a Redis Cluster, where a shard channel lives on the master that owns its slot.
 * The one seam between {@link ShardedRedisAdapter} and Lettuce.
 *
 * <p>Thread-safe, as Lettuce's connections are.
 */
interface ShardedPubSub {

  CompletableFuture<Void> ssubscribe(byte[] channel);

  CompletableFuture<Void> sunsubscribe(byte[] channel);

  CompletableFuture<Long> spublish(byte[] channel, byte[] message);

  CompletableFuture<Map<byte[], Long>> shardNumsub(byte[] channel);

  /** Adds a listener of shard messages (channel, message); returns what removes it. */
  Runnable addListener(BiConsumer<byte[], byte[]> listener);

  /** A single Redis (7 or later). */
  static ShardedPubSub standalone(
      StatefulRedisConnection<byte[], byte[]> pub,
      StatefulRedisPubSubConnection<byte[], byte[]> sub) {
    return new ShardedPubSub() {
      @Override
      public CompletableFuture<Void> ssubscribe(byte[] channel) {
        return sub.async().ssubscribe(channel).toCompletableFuture();
      }

      @Override
      public CompletableFuture<Void> sunsubscribe(byte[] channel) {
        return sub.async().sunsubscribe(channel).toCompletableFuture();
      }

      @Override
      public CompletableFuture<Long> spublish(byte[] channel, byte[] message) {
        return pub.async().spublish(channel, message).toCompletableFuture();
      }

      @Override
      public CompletableFuture<Map<byte[], Long>> shardNumsub(byte[] channel) {
        return pub.async().pubsubShardNumsub(channel).toCompletableFuture();
      }

      @Override
      public Runnable addListener(BiConsumer<byte[], byte[]> listener) {
        RedisPubSubAdapter<byte[], byte[]> l =
            new RedisPubSubAdapter<>() {
              @Override
              public void smessage(byte[] channel, byte[] message) {
                listener.accept(channel, message);
              }
            };
        sub.addListener(l);
        return () -> sub.removeListener(l);
      }
    };
  }

  /**
   * A Redis Cluster: each subscription goes to the node connection of the master that owns the
   * channel's slot (as {@code SSUBSCRIBE} requires), and node messages are propagated to the
   * cluster connection's listeners.
   */
  static ShardedPubSub cluster(
      StatefulRedisClusterConnection<byte[], byte[]> pub,
      StatefulRedisClusterPubSubConnection<byte[], byte[]> sub) {
    sub.setNodeMessagePropagation(true);
    return new ShardedPubSub() {
      private CompletableFuture<StatefulRedisPubSubConnection<byte[], byte[]>> owner(byte[] ch) {
        RedisClusterNode node = sub.getPartitions().getPartitionBySlot(SlotHash.getSlot(ch));
        if (node == null) {
          return CompletableFuture.failedFuture(
              new IllegalStateException("no master owns the slot of a channel"));
        }
        return sub.getConnectionAsync(node.getNodeId());
      }

      @Override
      public CompletableFuture<Void> ssubscribe(byte[] channel) {
        return owner(channel).thenCompose(c -> c.async().ssubscribe(channel));
      }

      @Override
      public CompletableFuture<Void> sunsubscribe(byte[] channel) {
        return owner(channel).thenCompose(c -> c.async().sunsubscribe(channel));
      }

      @Override
      public CompletableFuture<Long> spublish(byte[] channel, byte[] message) {
        return pub.async().spublish(channel, message).toCompletableFuture();
      }

      @Override
      public CompletableFuture<Map<byte[], Long>> shardNumsub(byte[] channel) {
        return pub.async().pubsubShardNumsub(channel).toCompletableFuture();
      }

      @Override
      public Runnable addListener(BiConsumer<byte[], byte[]> listener) {
        RedisClusterPubSubAdapter<byte[], byte[]> l =
            new RedisClusterPubSubAdapter<>() {
              @Override
              public void smessage(RedisClusterNode node, byte[] channel, byte[] message) {
                listener.accept(channel, message);
              }
            };
        sub.addListener(l);
        return () -> sub.removeListener(l);
      }
    };
  }
}
