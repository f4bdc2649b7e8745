package io.sio4j.adapter.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The options of a {@link PostgresAdapter}, with the defaults of npm {@code
 * @socket.io/postgres-adapter} 0.5: channel prefix {@code "socket.io"}, attachment table {@code
 * socket_io_attachments}, payload threshold 8000 bytes, cleanup every 30 s, heartbeat every 5 s,
 * a node silent for 10 s counts as gone, requests time out after 5 s.
 *
 * <pre>{@code
 * PostgresAdapterOptions opts = PostgresAdapterOptions.builder()
 *     .tableName("my_attachments")
 *     .heartbeatInterval(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 *
 * <p>Immutable; thread-safe. The table name goes into SQL text (PostgreSQL cannot bind names), so
 * it must be a plain identifier, optionally schema-qualified ({@code [A-Za-z_][A-Za-z0-9_]*}).
 *
 * @param channelPrefix the prefix of the notification channel {@code <prefix>#<nsp>}; nodes of one
 *     cluster must share it
 * @param tableName the table holding payloads over {@code payloadThreshold} or with binary
 * @param payloadThreshold the JSON size in bytes from which a message goes through the table
 *     (PostgreSQL refuses NOTIFY payloads of 8000 bytes or more)
 * @param cleanupInterval how often attachments older than this are deleted
 * @param heartbeatInterval how often a node that published nothing says it is alive
 * @param heartbeatTimeout how long a silent node still counts
 * @param requestsTimeout how long {@code fetchSockets}, {@code serverSideEmitWithAck} and
 *     broadcasts with acks (without their own timeout) wait for the other nodes
 * @param maxAttachmentBytes the largest attachment this node reads (a bigger one is dropped)
 */
public record PostgresAdapterOptions(
    String channelPrefix,
    String tableName,
    int payloadThreshold,
    Duration cleanupInterval,
    Duration heartbeatInterval,
    Duration heartbeatTimeout,
    Duration requestsTimeout,
    int maxAttachmentBytes) {

  private static final Pattern TABLE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** The official defaults. */
  public static final PostgresAdapterOptions DEFAULTS = builder().build();

  /** Validates. */
  public PostgresAdapterOptions {
    Objects.requireNonNull(channelPrefix, "channelPrefix");
    if (channelPrefix.isEmpty()) throw new IllegalArgumentException("channelPrefix is empty");
    Objects.requireNonNull(tableName, "tableName");
    if (!TABLE.matcher(tableName).matches()) {
      throw new IllegalArgumentException("tableName is not a plain SQL identifier: " + tableName);
    }
    if (payloadThreshold < 1 || payloadThreshold > 8000) {
      throw new IllegalArgumentException(
          "payloadThreshold must be in 1..8000: " + payloadThreshold);
    }
    positive(cleanupInterval, "cleanupInterval");
    positive(heartbeatInterval, "heartbeatInterval");
    positive(heartbeatTimeout, "heartbeatTimeout");
    positive(requestsTimeout, "requestsTimeout");
    if (maxAttachmentBytes < 1) {
      throw new IllegalArgumentException("maxAttachmentBytes must be positive");
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PostgresAdapterOptions}. Not thread-safe. */
  public static final class Builder {
    private String channelPrefix = "socket.io";
    private String tableName = "socket_io_attachments";
    private int payloadThreshold = 8000;
    private Duration cleanupInterval = Duration.ofSeconds(30);
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    private Duration heartbeatTimeout = Duration.ofSeconds(10);
    private Duration requestsTimeout = Duration.ofSeconds(5);
    private int maxAttachmentBytes = 16 * 1024 * 1024;

    private Builder() {}

    /** The channel prefix (default {@code "socket.io"}). */
    public Builder channelPrefix(String prefix) {
      this.channelPrefix = prefix;
      return this;
    }

    /** The attachment table (default {@code socket_io_attachments}). */
    public Builder tableName(String name) {
      this.tableName = name;
      return this;
    }

    /** The JSON size from which a message goes through the table (default 8000). */
    public Builder payloadThreshold(int bytes) {
      this.payloadThreshold = bytes;
      return this;
    }

    /** How often old attachments are deleted (default 30 s). */
    public Builder cleanupInterval(Duration interval) {
      this.cleanupInterval = interval;
      return this;
    }

    /** How often an idle node says it is alive (default 5 s). */
    public Builder heartbeatInterval(Duration interval) {
      this.heartbeatInterval = interval;
      return this;
    }

    /** How long a silent node still counts (default 10 s). */
    public Builder heartbeatTimeout(Duration timeout) {
      this.heartbeatTimeout = timeout;
      return this;
    }

    /** How long requests to other nodes wait (default 5 s). */
    public Builder requestsTimeout(Duration timeout) {
      this.requestsTimeout = timeout;
      return this;
    }

    /** The largest attachment read (default 16 MiB). */
    public Builder maxAttachmentBytes(int bytes) {
      this.maxAttachmentBytes = bytes;
      return this;
    }

    /** The options. */
    public PostgresAdapterOptions build() {
      return new PostgresAdapterOptions(
          channelPrefix,
          tableName,
          payloadThreshold,
          cleanupInterval,
          heartbeatInterval,
          heartbeatTimeout,
          requestsTimeout,
          maxAttachmentBytes);
    }
  }
}
