package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The requests one node sent to the others and still waits on, for every cluster adapter: request
 * ids, timeouts, and the gathering of answers. {@code fetchSockets} and {@code
 * serverSideEmitWithAck} expect a known number of answers (or answers from known nodes, with
 * heartbeats); broadcasts with acks take answers until the broadcast's own timeout.
 *
 * <pre>{@code
 * ClusterRequests requests = new ClusterRequests(scheduler);
 * String id = ClusterRequests.newId();
 * CompletableFuture<List<RemoteSocket>> all =
 *     requests.awaitSockets(id, Expected.count(2), local, nsp, mapper, Duration.ofSeconds(5));
 * publish(fetchRequest(id));
 * // for each response read from the store:
 * requests.onResponse(id, senderUid, response.path("sockets"));
 * }</pre>
 *
 * <p>Thread-safe: answers arrive on the store's I/O thread, timeouts on the scheduler's.
 */
public final class ClusterRequests {

  /**
   * Who must answer: a number of nodes (plain pub/sub, where only the subscriber count is known) or
   * the ids of the nodes seen alive (with heartbeats).
   *
   * @param count the number of answers expected when {@code uids} is null
   * @param uids the nodes that must answer, or null
   */
  public record Expected(int count, Set<String> uids) {
    /** A number of answers. */
    public static Expected count(int count) {
      return new Expected(count, null);
    }

    /** One answer from each of these nodes. */
    public static Expected nodes(Set<String> uids) {
      return new Expected(uids.size(), Set.copyOf(uids));
    }
  }

  /** One request waiting for answers. */
  public interface Pending {
    /** Takes one answer from node {@code fromUid}; true when the request is complete. */
    boolean onResponse(String fromUid, JsonNode answer);

    /** A node left the cluster; true when the request is complete without it. */
    default boolean onNodeGone(String uid) {
      return false;
    }

    /** The request timed out (or the adapter closed) before it was complete. */
    void onTimeout();
  }

  /**
   * The callbacks of a broadcast with acks sent to the other nodes.
   *
   * @param clientCount called with each node's number of targeted clients
   * @param ack called with each client's answer
   */
  public record AckRequest(IntConsumer clientCount, BiConsumer<String, ArrayNode> ack) {}

  private record Entry(Pending pending, Cancellable timer) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final Scheduler scheduler;
  private final Map<String, Entry> requests = new ConcurrentHashMap<>();
  private final Map<String, AckRequest> ackRequests = new ConcurrentHashMap<>();

  /** Requests whose timeouts run on {@code scheduler}. */
  public ClusterRequests(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** A fresh random id for a request or a node: 8 random bytes in hex, as the official one. */
  public static String newId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    char[] out = new char[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Whether this node waits on a request of this id. */
  public boolean isPending(String requestId) {
    return requests.containsKey(requestId) || ackRequests.containsKey(requestId);
  }

  /** Waits for answers of any kind; {@code pending} times out after {@code timeout}. */
  public void await(String requestId, Pending pending, Duration timeout) {
    Entry[] self = new Entry[1];
    Cancellable timer =
        scheduler.schedule(
            () -> {
              if (requests.remove(requestId, self[0])) pending.onTimeout();
            },
            timeout);
    self[0] = new Entry(pending, timer);
    requests.put(requestId, self[0]);
  }

  /**
   * Gathers the socket lists of a {@code fetchSockets}: completes with {@code local} plus every
   * remote socket once all expected nodes answered, or with a {@link
   * java.util.concurrent.TimeoutException}. Remote views act through {@code nsp}.
   */
  public CompletableFuture<List<RemoteSocket>> awaitSockets(
      String requestId,
      Expected expected,
      List<RemoteSocket> local,
      Namespace nsp,
      ObjectMapper mapper,
      Duration timeout) {
    CompletableFuture<List<RemoteSocket>> result = new CompletableFuture<>();
    await(requestId, new Gathering.Sockets(expected, local, nsp, mapper, result), timeout);
    return result;
  }

  /**
   * Gathers the answers of a {@code serverSideEmitWithAck}: {@code ack} gets every node's answer
   * (each as a one-argument array, as the official adapters forward one value), or a {@link
   * java.util.concurrent.TimeoutException} with the answers so far.
   */
  public void awaitServerSideEmit(
      String requestId,
      Expected expected,
      BiConsumer<Throwable, List<ArrayNode>> ack,
      Duration timeout) {
    await(requestId, new Gathering.Answers(expected, ack), timeout);
  }

  /** Remembers a broadcast's callbacks until {@code timeout} (or until close when null). */
  public void awaitAcks(String requestId, AckRequest request, Duration timeout) {
    ackRequests.put(requestId, request);
    if (timeout != null) scheduler.schedule(() -> ackRequests.remove(requestId), timeout);
  }

  /**
   * Starts waiting for the answers to a broadcast with acks: a fresh request id whose callbacks are
   * remembered until the broadcast's own timeout, or {@code defaultTimeout} when it sets none.
   * Returns the id the request carries to the other nodes.
   */
  public String awaitBroadcastAcks(
      BroadcastOptions opts,
      IntConsumer clientCount,
      BiConsumer<String, ArrayNode> ack,
      Duration defaultTimeout) {
    String requestId = newId();
    Duration timeout = opts.flags().timeout();
    awaitAcks(
        requestId, new AckRequest(clientCount, ack), timeout != null ? timeout : defaultTimeout);
    return requestId;
  }

  /** The callbacks of a broadcast with acks, or null. */
  public AckRequest ackRequest(String requestId) {
    return ackRequests.get(requestId);
  }

  /** Hands an answer to its request; false when no request of this node has the id. */
  public boolean onResponse(String requestId, String fromUid, JsonNode answer) {
    Entry e = requests.get(requestId);
    if (e == null) return false;
    if (e.pending().onResponse(fromUid, answer) && requests.remove(requestId, e)) {
      e.timer().cancel();
    }
    return true;
  }

  /** A node left: requests that waited only on it complete now. */
  public void onNodeGone(String uid) {
    requests.forEach(
        (id, e) -> {
          if (e.pending().onNodeGone(uid) && requests.remove(id, e)) e.timer().cancel();
        });
  }

  /** Fails every waiting request (the adapter closes). */
  public void clear() {
    requests.forEach(
        (id, e) -> {
          if (requests.remove(id, e)) {
            e.timer().cancel();
            e.pending().onTimeout();
          }
        });
    ackRequests.clear();
  }
}
