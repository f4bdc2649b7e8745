package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.server.Namespace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ClusterAdapter} for stores that cannot count their subscribers, after
 * socket.io-adapter's {@code ClusterAdapterWithHeartbeat}: each node announces itself when it
 * starts, sends a heartbeat when it has published nothing for {@code heartbeatInterval}, and says
 * goodbye when it closes. A node silent for {@code heartbeatTimeout} counts as gone. {@link
 * #serverCount()} is one plus the nodes heard from, and requests wait for an answer from each of
 * those nodes (a node that leaves meanwhile is crossed off).
 *
 * <pre>{@code
 * final class StreamAdapter extends ClusterAdapterWithHeartbeat {
 *   StreamAdapter(Namespace nsp) {
 *     super(nsp, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
 *   }
 *   // doPublish, doPublishResponse, and onMessage(...) for what the store delivers
 * }
 * }</pre>
 *
 * <p>Thread-safe. Timers run on the server's scheduler (a virtual clock in tests).
 */
public abstract class ClusterAdapterWithHeartbeat extends ClusterAdapter {
  private final Duration heartbeatInterval;
  private final Duration heartbeatTimeout;
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>(); // uid -> nanoTime
  private final Object timerLock = new Object();
  private Cancellable heartbeatTimer; // guarded by timerLock
  private Cancellable cleanupTimer; // guarded by timerLock
  private boolean closed; // guarded by timerLock

  /** The official defaults are 5 s requests timeout, 5 s interval, 10 s timeout. */
  protected ClusterAdapterWithHeartbeat(
      Namespace nsp,
      Duration requestsTimeout,
      Duration heartbeatInterval,
      Duration heartbeatTimeout) {
    super(nsp, requestsTimeout);
    this.heartbeatInterval = heartbeatInterval;
    this.heartbeatTimeout = heartbeatTimeout;
  }

  @Override
  public void init() {
    super.init();
    publish(ClusterMessageType.INITIAL_HEARTBEAT, null);
    scheduleCleanup();
  }

  private void scheduleCleanup() {
    synchronized (timerLock) {
      if (closed) return;
      cleanupTimer =
          scheduler()
              .schedule(
                  () -> {
                    long now = scheduler().nanoTime();
                    lastSeen.forEach(
                        (uid, seen) -> {
                          if (now - seen > heartbeatTimeout.toNanos()) {
                            LOG.debug("[{}] node {} seems down", uid(), uid);
                            removeNode(uid);
                          }
                        });
                    scheduleCleanup();
                  },
                  Duration.ofSeconds(1));
    }
  }

  @Override
  protected CompletableFuture<String> publishAndReturnOffset(int type, ObjectNode data) {
    synchronized (timerLock) {
      if (heartbeatTimer != null) heartbeatTimer.cancel();
      if (!closed) {
        heartbeatTimer =
            scheduler()
                .schedule(() -> publish(ClusterMessageType.HEARTBEAT, null), heartbeatInterval);
      }
    }
    return super.publishAndReturnOffset(type, data);
  }

  @Override
  public CompletableFuture<Void> close() {
    publish(ClusterMessageType.ADAPTER_CLOSE, null);
    synchronized (timerLock) {
      closed = true;
      if (heartbeatTimer != null) heartbeatTimer.cancel();
      if (cleanupTimer != null) cleanupTimer.cancel();
    }
    return super.close();
  }

  @Override
  protected void onClusterMessage(int type, String sender, JsonNode message, String offset)
      throws ProtocolException {
    if (sender != null && !sender.equals(EMITTER_UID)) {
      lastSeen.put(sender, scheduler().nanoTime());
    }
    switch (type) {
      case ClusterMessageType.INITIAL_HEARTBEAT -> publish(ClusterMessageType.HEARTBEAT, null);
      case ClusterMessageType.HEARTBEAT -> {}
      case ClusterMessageType.ADAPTER_CLOSE -> {
        if (sender != null) removeNode(sender);
      }
      default -> super.onClusterMessage(type, sender, message, offset);
    }
  }

  private void removeNode(String uid) {
    lastSeen.remove(uid);
    requests().onNodeGone(uid);
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    return CompletableFuture.completedFuture(1 + lastSeen.size());
  }

  @Override
  protected CompletableFuture<ClusterRequests.Expected> expectedResponders() {
    return CompletableFuture.completedFuture(ClusterRequests.Expected.nodes(lastSeen.keySet()));
  }
}
