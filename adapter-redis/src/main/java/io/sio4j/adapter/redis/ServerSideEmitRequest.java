package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * A {@code serverSideEmitWithAck}: one answer from each other node.
 *
 * <p>Thread-safe (synchronized).
 */
final class ServerSideEmitRequest implements PendingRequests.Pending {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final int numSub;
  private final List<ArrayNode> responses = new ArrayList<>();
  private final BiConsumer<Throwable, List<ArrayNode>> ack;

  ServerSideEmitRequest(int numSub, BiConsumer<Throwable, List<ArrayNode>> ack) {
    this.numSub = numSub;
    this.ack = ack;
  }

  @Override
  public synchronized boolean onResponse(JsonNode response) {
    // the official adapter answers with one value; it is the answer's single argument here
    ArrayNode args = F.arrayNode();
    if (response.has("data")) args.add(response.get("data"));
    responses.add(args);
    if (responses.size() < numSub) return false;
    ack.accept(null, List.copyOf(responses));
    return true;
  }

  @Override
  public synchronized void onTimeout() {
    ack.accept(
        new TimeoutException(
            "timeout reached: only " + responses.size() + " responses received out of " + numSub),
        List.copyOf(responses));
  }
}
