package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.server.Namespace;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A store for testing the template: messages go through {@link ClusterWire}'s bytes (JSON, or
 * msgpack when binary) and are delivered on one thread, as a store's I/O thread would. Nodes can be
 * cut off (their messages are lost both ways) to play a node that died without a goodbye.
 */
final class LocalBus implements AutoCloseable {
  private final Map<String, ClusterAdapter> nodes = new ConcurrentHashMap<>();
  private final Set<String> cutOff = ConcurrentHashMap.newKeySet();
  private final ExecutorService io = Executors.newSingleThreadExecutor();

  void cutOff(String uid) {
    cutOff.add(uid);
  }

  private byte[] encode(ObjectNode message) {
    return ClusterWire.hasBinary(message)
        ? ClusterWire.msgpack(message)
        : ClusterWire.json(message);
  }

  private CompletableFuture<Void> deliver(String from, String to, byte[] bytes) {
    return CompletableFuture.runAsync(
        () -> {
          if (cutOff.contains(from)) return;
          nodes.forEach(
              (uid, node) -> {
                if ((to == null || to.equals(uid)) && !cutOff.contains(uid)) {
                  try {
                    node.onMessage(ClusterWire.decode(bytes), null);
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                }
              });
        },
        io);
  }

  /** Completes {@code marker} once everything queued before it has been delivered. */
  void barrier(CompletableFuture<Void> marker) {
    io.execute(() -> marker.complete(null));
  }

  @Override
  public void close() {
    io.shutdownNow();
  }

  /** A node whose {@code serverCount} is the number of subscribers, like Redis pub/sub. */
  AdapterFactory plain(Duration requestsTimeout) {
    return nsp -> new Plain(nsp, requestsTimeout);
  }

  /** A node that counts the others by their heartbeats. */
  AdapterFactory heartbeat(Duration requestsTimeout, Duration interval, Duration timeout) {
    return nsp -> new Heartbeat(nsp, requestsTimeout, interval, timeout);
  }

  private final class Plain extends ClusterAdapter {
    Plain(Namespace nsp, Duration requestsTimeout) {
      super(nsp, requestsTimeout);
      nodes.put(uid(), this);
    }

    @Override
    protected CompletableFuture<String> doPublish(ObjectNode message) {
      return deliver(uid(), null, encode(message)).thenApply(v -> null);
    }

    @Override
    protected CompletableFuture<Void> doPublishResponse(String requesterUid, ObjectNode response) {
      return deliver(uid(), requesterUid, encode(response));
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
      return CompletableFuture.completedFuture(nodes.size());
    }

    @Override
    public CompletableFuture<Void> close() {
      nodes.remove(uid());
      return super.close();
    }
  }

  private final class Heartbeat extends ClusterAdapterWithHeartbeat {
    Heartbeat(Namespace nsp, Duration requestsTimeout, Duration interval, Duration timeout) {
      super(nsp, requestsTimeout, interval, timeout);
      nodes.put(uid(), this);
    }

    @Override
    protected CompletableFuture<String> doPublish(ObjectNode message) {
      return deliver(uid(), null, encode(message)).thenApply(v -> null);
    }

    @Override
    protected CompletableFuture<Void> doPublishResponse(String requesterUid, ObjectNode response) {
      return deliver(uid(), requesterUid, encode(response));
    }

    @Override
    public CompletableFuture<Void> close() {
      CompletableFuture<Void> done = super.close(); // says goodbye first
      nodes.remove(uid()); // the goodbye still goes out: senders need not be subscribed
      return done;
    }
  }
}
