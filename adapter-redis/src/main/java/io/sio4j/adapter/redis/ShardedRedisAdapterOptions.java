package io.sio4j.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * The options of a {@link ShardedRedisAdapter}, with the defaults of {@code createShardedAdapter}
 * in {@code @socket.io/redis-adapter} 8.3: channel prefix {@code "socket.io"}, subscription mode
 * {@code dynamic}, requests timeout 5 s.
 *
 * <pre>{@code
 * ShardedRedisAdapterOptions opts = ShardedRedisAdapterOptions.builder()
 *     .channelPrefix("my-app")
 *     .subscriptionMode(SubscriptionMode.STATIC)
 *     .build();
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param channelPrefix the prefix of every channel; nodes of one cluster must share it
 * @param subscriptionMode which channels carry broadcasts
 * @param requestsTimeout how long {@code fetchSockets}, {@code serverSideEmitWithAck} and
 *     broadcasts with acks (without their own timeout) wait for the other nodes
 */
public record ShardedRedisAdapterOptions(
    String channelPrefix, SubscriptionMode subscriptionMode, Duration requestsTimeout) {

  /** The official defaults. */
  public static final ShardedRedisAdapterOptions DEFAULTS = builder().build();

  /** Validates. */
  public ShardedRedisAdapterOptions {
    Objects.requireNonNull(channelPrefix, "channelPrefix");
    if (channelPrefix.isEmpty()) throw new IllegalArgumentException("channelPrefix is empty");
    Objects.requireNonNull(subscriptionMode, "subscriptionMode");
    Objects.requireNonNull(requestsTimeout, "requestsTimeout");
    if (requestsTimeout.isNegative() || requestsTimeout.isZero()) {
      throw new IllegalArgumentException("requestsTimeout must be positive: " + requestsTimeout);
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ShardedRedisAdapterOptions}. Not thread-safe. */
  public static final class Builder extends OptionsBuilder<Builder> {
    private String channelPrefix = "socket.io";
    private SubscriptionMode subscriptionMode = SubscriptionMode.DYNAMIC;

    private Builder() {}

    /** The channel prefix (default {@code "socket.io"}). */
    public Builder channelPrefix(String prefix) {
      this.channelPrefix = prefix;
      return this;
    }

    /** The subscription mode (default {@link SubscriptionMode#DYNAMIC}). */
    public Builder subscriptionMode(SubscriptionMode mode) {
      this.subscriptionMode = mode;
      return this;
    }

    /** The options. */
    public ShardedRedisAdapterOptions build() {
      return new ShardedRedisAdapterOptions(channelPrefix, subscriptionMode, requestsTimeout);
    }
  }
}
