package io.sio4j.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * The options of a {@link RedisAdapter}, with the defaults of {@code @socket.io/redis-adapter}: key
 * {@code "socket.io"}, requests timeout 5 s, responses on the shared response channel.
 *
 * <pre>{@code
 * RedisAdapterOptions opts = RedisAdapterOptions.builder()
 *     .key("my-app")
 *     .requestsTimeout(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param key the prefix of every channel; nodes of one cluster must share it
 * @param requestsTimeout how long {@code fetchSockets} and {@code serverSideEmitWithAck} wait for
 *     the other nodes
 * @param publishOnSpecificResponseChannel answer each node on its own response channel rather than
 *     the shared one (less traffic with many nodes; every node must understand it)
 */
public record RedisAdapterOptions(
    String key, Duration requestsTimeout, boolean publishOnSpecificResponseChannel) {

  /** The official defaults. */
  public static final RedisAdapterOptions DEFAULTS = builder().build();

  /** Validates. */
  public RedisAdapterOptions {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) throw new IllegalArgumentException("key must not be empty");
    Objects.requireNonNull(requestsTimeout, "requestsTimeout");
    if (requestsTimeout.isNegative() || requestsTimeout.isZero()) {
      throw new IllegalArgumentException("requestsTimeout must be positive: " + requestsTimeout);
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RedisAdapterOptions}. Not thread-safe. */
  public static final class Builder extends OptionsBuilder<Builder> {
    private String key = "socket.io";
    private boolean publishOnSpecificResponseChannel;

    private Builder() {}

    /** The channel prefix (default {@code "socket.io"}). */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** Answer on the requester's own response channel (default false). */
    public Builder publishOnSpecificResponseChannel(boolean specific) {
      this.publishOnSpecificResponseChannel = specific;
      return this;
    }

    /** The options. */
    public RedisAdapterOptions build() {
      return new RedisAdapterOptions(key, requestsTimeout, publishOnSpecificResponseChannel);
    }
  }
}
