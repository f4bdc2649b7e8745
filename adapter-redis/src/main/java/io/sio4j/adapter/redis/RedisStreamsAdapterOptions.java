package io.sio4j.adapter.redis;

import static io.sio4j.adapter.redis.OptionsBuilder.nonEmpty;
import static io.sio4j.adapter.redis.OptionsBuilder.positive;

import java.time.Duration;

/**
 * The options of a {@link RedisStreamsAdapter}, with the defaults of npm {@code
 * @socket.io/redis-streams-adapter} 0.3: stream {@code "socket.io"} trimmed to about 10,000
 * entries, 100 entries per read, reads blocking 5 s, sessions under {@code "sio:session:"}, channel
 * prefix {@code "socket.io"} for requests and responses, requests timeout 5 s.
 *
 * <pre>{@code
 * RedisStreamsAdapterOptions opts = RedisStreamsAdapterOptions.builder()
 *     .streamName("my-app")
 *     .maxLen(50_000)
 *     .build();
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param streamName the stream every node appends to and reads; nodes of one cluster share it
 * @param maxLen the approximate length ({@code MAXLEN ~}) the stream is trimmed to; it bounds how
 *     far back a session can be recovered
 * @param readCount how many entries one {@code XREAD} (and one {@code XRANGE} of a recovery) returns
 * @param blockTime how long one {@code XREAD} blocks when the stream has nothing new (keep it below
 *     the Lettuce client's command timeout, 60 s by default)
 * @param sessionKeyPrefix the prefix of the keys that hold disconnected sessions
 * @param channelPrefix the prefix of the pub/sub channels of requests and responses
 * @param requestsTimeout how long {@code fetchSockets}, {@code serverSideEmitWithAck} and
 *     broadcasts with acks (without their own timeout) wait for the other nodes
 */
public record RedisStreamsAdapterOptions(
    String streamName,
    int maxLen,
    int readCount,
    Duration blockTime,
    String sessionKeyPrefix,
    String channelPrefix,
    Duration requestsTimeout) {

  /** The official defaults. */
  public static final RedisStreamsAdapterOptions DEFAULTS = builder().build();

  /** Validates. */
  public RedisStreamsAdapterOptions {
    nonEmpty(streamName, "streamName");
    positive(maxLen, "maxLen");
    positive(readCount, "readCount");
    positive(blockTime, "blockTime");
    nonEmpty(sessionKeyPrefix, "sessionKeyPrefix");
    nonEmpty(channelPrefix, "channelPrefix");
    positive(requestsTimeout, "requestsTimeout");
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RedisStreamsAdapterOptions}. Not thread-safe. */
  public static final class Builder extends OptionsBuilder<Builder> {
    private String streamName = "socket.io";
    private int maxLen = 10_000;
    private int readCount = 100;
    private Duration blockTime = Duration.ofSeconds(5);
    private String sessionKeyPrefix = "sio:session:";
    private String channelPrefix = "socket.io";

    private Builder() {}

    /** The stream's name (default {@code "socket.io"}). */
    public Builder streamName(String name) {
      this.streamName = name;
      return this;
    }

    /** The approximate maximum length of the stream (default 10,000). */
    public Builder maxLen(int maxLen) {
      this.maxLen = maxLen;
      return this;
    }

    /** Entries per read (default 100). */
    public Builder readCount(int count) {
      this.readCount = count;
      return this;
    }

    /** How long a read blocks (default 5 s). */
    public Builder blockTime(Duration time) {
      this.blockTime = time;
      return this;
    }

    /** The prefix of session keys (default {@code "sio:session:"}). */
    public Builder sessionKeyPrefix(String prefix) {
      this.sessionKeyPrefix = prefix;
      return this;
    }

    /** The prefix of request and response channels (default {@code "socket.io"}). */
    public Builder channelPrefix(String prefix) {
      this.channelPrefix = prefix;
      return this;
    }

    /** The options. */
    public RedisStreamsAdapterOptions build() {
      return new RedisStreamsAdapterOptions(
          streamName,
          maxLen,
          readCount,
          blockTime,
          sessionKeyPrefix,
          channelPrefix,
          requestsTimeout);
    }
  }
}
