package io.sio4j.adapter.redis;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis side shared by the {@link RedisStreamsAdapter}s of one server: a connection for
 * commands, a dedicated one that blocks in {@code XREAD}, and one subscribed to the request and
 * response channels. Opened with the first namespace, closed with the last.
 *
 * <p>Thread-safe.
 */
final class StreamsBus {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsBus.class);
  private static final long RETRY_MILLIS = 500;

  private final RedisClient client;
  private final RedisStreamsAdapterOptions options;
  private final byte[] stream;
  private final Map<String, RedisStreamsAdapter> byNamespace = new ConcurrentHashMap<>();
  private final Map<String, RedisStreamsAdapter> byChannel = new ConcurrentHashMap<>();
  private Open open; // guarded by this

  /** The connections of one open period (a closed bus may open again). */
  private final class Open {
    final StatefulRedisConnection<byte[], byte[]> commands;
    final StatefulRedisConnection<byte[], byte[]> reader;
    final StatefulRedisPubSubConnection<byte[], byte[]> sub;
    final RedisHealth health;
    volatile boolean closed;
    volatile String offset = "$";
    volatile CompletableFuture<Void> started;
    final ScheduledFuture<?> healthTimer;

    Open() {
      commands = client.connect(ByteArrayCodec.INSTANCE);
      try {
        reader = client.connect(ByteArrayCodec.INSTANCE);
      } catch (RuntimeException e) {
        commands.close();
        throw e;
      }
      try {
        sub = client.connectPubSub(ByteArrayCodec.INSTANCE);
      } catch (RuntimeException e) {
        commands.close();
        reader.close();
        throw e;
      }
      health = new RedisHealth(List.of(commands, reader, sub));
      healthTimer =
          client
              .getResources()
              .eventExecutorGroup()
              .scheduleAtFixedRate(health::check, 1, 1, TimeUnit.SECONDS);
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(byte[] channel, byte[] message) {
              RedisStreamsAdapter a = byChannel.get(new String(channel, StandardCharsets.UTF_8));
              if (a != null) a.onPubSubMessage(message);
            }
          });
    }

    /**
     * Starts reading after the stream's last entry, so that everything appended once this completes
     * is read (upstream starts at {@code $}, which misses what comes before the first read).
     */
    CompletableFuture<Void> start() {
      return commands
          .async()
          .xrevrange(stream, Range.unbounded(), Limit.from(1))
          .toCompletableFuture()
          .handle(
              (last, err) -> {
                if (err == null) offset = last.isEmpty() ? "0-0" : last.get(0).getId();
                poll();
                return null;
              });
    }

    void poll() {
      if (closed) return;
      XReadArgs args =
          XReadArgs.Builder.block(options.blockTime().toMillis()).count(options.readCount());
      String from = offset;
      StreamOffset<byte[]> at =
          from.equals("$") ? StreamOffset.latest(stream) : StreamOffset.from(stream, from);
      reader
          .async()
          .xread(args, at)
          .whenComplete(
              (entries, err) -> {
                if (closed) return;
                if (err != null) {
                  health.check();
                  LOG.debug("cannot read the stream, retrying: {}", err.toString());
                  client
                      .getResources()
                      .eventExecutorGroup()
                      .schedule((Runnable) this::poll, RETRY_MILLIS, TimeUnit.MILLISECONDS);
                  return;
                }
                if (entries != null) {
                  for (StreamMessage<byte[], byte[]> entry : entries) {
                    offset = entry.getId();
                    dispatch(entry);
                  }
                }
                poll();
              });
    }

    /** Closes once the commands already sent (a session being persisted) are answered. */
    CompletableFuture<Void> close() {
      closed = true;
      healthTimer.cancel(false);
      CompletableFuture<?> drained =
          commands.isOpen()
              ? commands.async().ping().toCompletableFuture().orTimeout(2, TimeUnit.SECONDS)
              : CompletableFuture.completedFuture(null);
      return drained
          .handle((v, err) -> null)
          .thenCompose(
              v ->
                  CompletableFuture.allOf(
                      commands.closeAsync(), reader.closeAsync(), sub.closeAsync()));
    }
  }

  StreamsBus(RedisClient client, RedisStreamsAdapterOptions options) {
    this.client = client;
    this.options = options;
    this.stream = options.streamName().getBytes(StandardCharsets.UTF_8);
  }

  RedisStreamsAdapterOptions options() {
    return options;
  }

  /** Adds a namespace's adapter; opens the connections for the first one. */
  CompletableFuture<Void> register(RedisStreamsAdapter adapter, String... channels) {
    Open o;
    synchronized (this) {
      if (open == null) {
        open = new Open();
        open.started = open.start();
      }
      o = open;
      byNamespace.put(adapter.namespaceName(), adapter);
      for (String ch : channels) byChannel.put(ch, adapter);
    }
    byte[][] raw = new byte[channels.length][];
    for (int i = 0; i < channels.length; i++) raw[i] = channels[i].getBytes(StandardCharsets.UTF_8);
    return o.sub
        .async()
        .subscribe(raw)
        .toCompletableFuture()
        .thenCombine(o.started, (a, b) -> null);
  }

  /** Removes a namespace's adapter; closes the connections after the last one. */
  CompletableFuture<Void> unregister(RedisStreamsAdapter adapter, String... channels) {
    Open o = null;
    synchronized (this) {
      byNamespace.remove(adapter.namespaceName(), adapter);
      for (String ch : channels) byChannel.remove(ch, adapter);
      if (byNamespace.isEmpty() && open != null) {
        o = open;
        open = null;
      }
    }
    return o == null ? CompletableFuture.completedFuture(null) : o.close();
  }

  private synchronized Open open() {
    if (open == null) throw new IllegalStateException("the adapter is closed");
    return open;
  }

  private void dispatch(StreamMessage<byte[], byte[]> entry) {
    Map<String, String> fields = StreamsWire.strings(entry.getBody());
    String nsp = fields.get("nsp");
    RedisStreamsAdapter a = nsp == null ? null : byNamespace.get(nsp);
    if (a != null) a.onStreamEntry(fields, entry.getId());
  }

  /** Appends an entry; completes with its id. */
  CompletableFuture<String> xadd(Map<String, String> fields) {
    Open o = open();
    CompletableFuture<String> down = o.health.failFast();
    if (down != null) return down;
    XAddArgs args = XAddArgs.Builder.maxlen(options.maxLen()).approximateTrimming();
    return o.commands.async().xadd(stream, args, StreamsWire.bytes(fields)).toCompletableFuture();
  }

  /** Publishes on a channel. */
  CompletableFuture<Long> publish(String channel, byte[] payload) {
    Open o = open();
    CompletableFuture<Long> down = o.health.failFast();
    if (down != null) return down;
    return o.commands
        .async()
        .publish(channel.getBytes(StandardCharsets.UTF_8), payload)
        .toCompletableFuture();
  }

  /** How many connections are subscribed to {@code channel}. */
  CompletableFuture<Long> numsub(String channel) {
    Open o = open();
    CompletableFuture<Long> down = o.health.failFast();
    if (down != null) return down;
    return o.commands
        .async()
        .pubsubNumsub(channel.getBytes(StandardCharsets.UTF_8))
        .toCompletableFuture()
        .thenApply(counts -> counts.values().stream().mapToLong(Long::longValue).sum())
        .orTimeout(options.requestsTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stores a session until it expires. */
  CompletableFuture<String> setSession(String pid, String value, long ttlMillis) {
    Open o = open();
    CompletableFuture<String> down = o.health.failFast();
    if (down != null) return down;
    return o.commands
        .async()
        .set(key(pid), value.getBytes(StandardCharsets.UTF_8), SetArgs.Builder.px(ttlMillis))
        .toCompletableFuture();
  }

  /** Takes a session (it can be restored once). */
  CompletableFuture<String> takeSession(String pid) {
    Open o = open();
    CompletableFuture<String> down = o.health.failFast();
    if (down != null) return down;
    return o.commands
        .async()
        .getdel(key(pid))
        .toCompletableFuture()
        .thenApply(v -> v == null ? null : new String(v, StandardCharsets.UTF_8));
  }

  /** Entries from {@code from} to {@code to} (both included; null means the end), at most count. */
  CompletableFuture<List<StreamMessage<byte[], byte[]>>> xrange(String from, String to, int count) {
    Open o = open();
    CompletableFuture<List<StreamMessage<byte[], byte[]>>> down = o.health.failFast();
    if (down != null) return down;
    Range<String> range =
        Range.from(
            Range.Boundary.including(from),
            to == null ? Range.Boundary.unbounded() : Range.Boundary.including(to));
    return o.commands.async().xrange(stream, range, Limit.from(count)).toCompletableFuture();
  }

  private byte[] key(String pid) {
    return (options.sessionKeyPrefix() + pid).getBytes(StandardCharsets.UTF_8);
  }
}
