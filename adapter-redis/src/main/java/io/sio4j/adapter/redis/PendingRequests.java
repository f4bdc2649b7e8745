package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The requests this node sent to the others and still waits on: requests answered by a known number
 * of nodes ({@code fetchSockets}, {@code serverSideEmitWithAck}), and broadcasts with acks, whose
 * answers are wanted until the broadcast's timeout.
 *
 * <p>Thread-safe: responses arrive on the Redis I/O thread, timeouts on the JDK's delayed executor.
 */
final class PendingRequests {

  /** One request waiting for responses. Implementations are synchronized or confined. */
  interface Pending {
    /** Takes one response; true when the request is complete and may be forgotten. */
    boolean onResponse(JsonNode response);

    /** The request timed out before it was complete. */
    void onTimeout();
  }

  /** The callbacks of a broadcast with acks sent to the other nodes. */
  record AckRequest(IntConsumer clientCount, BiConsumer<String, ArrayNode> ack) {}

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private static final String ID_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final Map<String, Pending> requests = new ConcurrentHashMap<>();
  private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();

  /** A fresh random id for a request or a node (12 characters, about 71 bits). */
  static String newId() {
    StringBuilder sb = new StringBuilder(12);
    for (int i = 0; i < 12; i++) sb.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
    return sb.toString();
  }

  boolean isPending(String requestId) {
    return requests.containsKey(requestId) || ackRequests.containsKey(requestId);
  }

  void add(String requestId, Pending pending, Duration timeout) {
    requests.put(requestId, pending);
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              Pending p = requests.remove(requestId);
              if (p != null) p.onTimeout();
            });
  }

  /** Remembers a broadcast's callbacks until {@code timeout} (or for good when null). */
  void addAck(String requestId, AckRequest request, Duration timeout) {
    ackRequests.put(requestId, request);
    if (timeout != null) {
      CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .execute(() -> ackRequests.remove(requestId));
    }
  }

  AckRequest ackRequest(String requestId) {
    return ackRequests.get(requestId);
  }

  /** Hands a response to its request; false when no request of this node has its id. */
  boolean onResponse(String requestId, JsonNode response) {
    Pending p = requests.get(requestId);
    if (p == null) return false;
    if (p.onResponse(response)) requests.remove(requestId, p);
    return true;
  }

  /** Fails every waiting request (the adapter closes). */
  void clear() {
    requests.values().forEach(Pending::onTimeout);
    requests.clear();
    ackRequests.clear();
  }
}
