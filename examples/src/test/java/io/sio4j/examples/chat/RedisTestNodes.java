package io.sio4j.examples.chat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chat nodes on the machine's real Redis (127.0.0.1:6379; a test fails when it is not there), all
 * on one fresh key prefix, and the clean-up of everything they wrote.
 */
final class RedisTestNodes implements AutoCloseable {
  static final String URL = "redis://127.0.0.1:6379";

  final String prefix = "sio4j-chat-test:" + UUID.randomUUID() + ":";
  private final List<RedisChatStore> nodes = new ArrayList<>();

  /** A node with the default time to live. */
  synchronized RedisChatStore node() {
    return node(RedisChatStore.DEFAULT_NODE_TTL);
  }

  /** A node whose names outlive it by {@code ttl}. */
  synchronized RedisChatStore node(Duration ttl) {
    RedisChatStore node = RedisChatStore.connect(URL, prefix, ttl);
    nodes.add(node);
    return node;
  }

  /** Runs {@code command} on a connection of its own. */
  <T> T redis(java.util.function.Function<StatefulRedisConnection<String, String>, T> command) {
    RedisClient client = RedisClient.create(URL);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return command.apply(c);
    } finally {
      client.shutdown();
    }
  }

  @Override
  public synchronized void close() {
    for (RedisChatStore node : nodes) {
      try {
        node.close();
      } catch (RuntimeException ignored) {
        // abandoned nodes are closed already
      }
    }
    nodes.clear();
    redis(
        c -> {
          ScanIterator<String> keys =
              ScanIterator.scan(c.sync(), ScanArgs.Builder.matches(prefix + "*").limit(500));
          while (keys.hasNext()) c.sync().del(keys.next());
          return null;
        });
  }
}
