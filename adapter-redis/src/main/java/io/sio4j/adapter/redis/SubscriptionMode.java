package io.sio4j.adapter.redis;

/**
 * Which shard channels a {@link ShardedRedisAdapter} uses, as the official {@code subscriptionMode}
 * option of {@code createShardedAdapter}. Every node of a cluster must use the same mode.
 *
 * <pre>{@code
 * ShardedRedisAdapterOptions.builder().subscriptionMode(SubscriptionMode.DYNAMIC_PRIVATE).build();
 * }</pre>
 */
public enum SubscriptionMode {
  /**
   * One channel per namespace ({@code socket.io#/#}) and one response channel per node: few
   * subscriptions, but every node receives every broadcast.
   */
  STATIC,
  /**
   * Also one channel per public room ({@code socket.io#/#room#}), subscribed while the room exists
   * on the node: a broadcast to one room reaches only the nodes that have it. The official default.
   */
  DYNAMIC,
  /** Like {@link #DYNAMIC}, and the private rooms (socket ids) get their own channels too. */
  DYNAMIC_PRIVATE;

  /**
   * The option's value in JavaScript: {@code "static"}, {@code "dynamic"}, {@code
   * "dynamic-private"}.
   */
  public String jsName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
