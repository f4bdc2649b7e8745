package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Answer gathering for {@link ClusterRequests}: counts answers, or crosses off the nodes that must
 * answer (then an answer from an unknown node counts for nothing, as in the official {@code
 * ClusterAdapterWithHeartbeat}).
 *
 * <p>Thread-safe (synchronized).
 */
abstract class Gathering implements ClusterRequests.Pending {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final int expected;
  private final Set<String> missing;
  private int received;

  Gathering(ClusterRequests.Expected expected) {
    this.expected = expected.count();
    this.missing = expected.uids() == null ? null : new HashSet<>(expected.uids());
  }

  /** Takes the content of one answer; false when it is unusable (not counted). */
  abstract boolean take(JsonNode answer);

  abstract void complete();

  abstract void fail(String message);

  @Override
  public synchronized boolean onResponse(String fromUid, JsonNode answer) {
    if (missing != null && !missing.contains(fromUid)) return false;
    if (!take(answer)) return false;
    received++;
    if (missing != null) missing.remove(fromUid);
    return done();
  }

  @Override
  public synchronized boolean onNodeGone(String uid) {
    return missing != null && missing.remove(uid) && done();
  }

  private boolean done() {
    boolean complete = missing != null ? missing.isEmpty() : received >= expected;
    if (complete) complete();
    return complete;
  }

  @Override
  public synchronized void onTimeout() {
    fail(
        missing != null
            ? "timeout reached: missing " + missing.size() + " responses"
            : "timeout reached: only " + received + " responses received out of " + expected);
  }

  /** The sockets of a {@code fetchSockets}. */
  static final class Sockets extends Gathering {
    private final List<RemoteSocket> sockets;
    private final Namespace nsp;
    private final ObjectMapper mapper;
    private final CompletableFuture<List<RemoteSocket>> result;

    Sockets(
        ClusterRequests.Expected expected,
        List<RemoteSocket> local,
        Namespace nsp,
        ObjectMapper mapper,
        CompletableFuture<List<RemoteSocket>> result) {
      super(expected);
      this.sockets = new ArrayList<>(local);
      this.nsp = nsp;
      this.mapper = mapper;
      this.result = result;
    }

    @Override
    boolean take(JsonNode list) {
      if (list == null || !list.isArray()) return false;
      for (JsonNode s : list) {
        RemoteSocket socket = RemoteSocketViews.fromJson(s, nsp, mapper);
        if (socket != null) sockets.add(socket);
      }
      return true;
    }

    @Override
    void complete() {
      result.complete(List.copyOf(sockets));
    }

    @Override
    void fail(String message) {
      result.completeExceptionally(new TimeoutException(message));
    }
  }

  /** The answers of a {@code serverSideEmitWithAck}. */
  static final class Answers extends Gathering {
    private final List<ArrayNode> answers = new ArrayList<>();
    private final BiConsumer<Throwable, List<ArrayNode>> ack;

    Answers(ClusterRequests.Expected expected, BiConsumer<Throwable, List<ArrayNode>> ack) {
      super(expected);
      this.ack = ack;
    }

    @Override
    boolean take(JsonNode answer) {
      // the official adapters answer with one value: the answer's single argument here
      ArrayNode args = F.arrayNode();
      if (answer != null && !answer.isMissingNode()) args.add(answer);
      answers.add(args);
      return true;
    }

    @Override
    void complete() {
      ack.accept(null, List.copyOf(answers));
    }

    @Override
    void fail(String message) {
      ack.accept(new TimeoutException(message), List.copyOf(answers));
    }
  }
}
