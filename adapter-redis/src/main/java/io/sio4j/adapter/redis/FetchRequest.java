package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * A {@code fetchSockets} request: one response per other node, plus the local sockets.
 *
 * <p>Thread-safe (synchronized).
 */
final class FetchRequest implements PendingRequests.Pending {
  private final int numSub;
  private int msgCount = 1; // this node
  private final List<RemoteSocket> sockets;
  private final Namespace nsp;
  private final ObjectMapper mapper;
  private final CompletableFuture<List<RemoteSocket>> result;

  FetchRequest(
      int numSub,
      List<RemoteSocket> local,
      Namespace nsp,
      ObjectMapper mapper,
      CompletableFuture<List<RemoteSocket>> result) {
    this.numSub = numSub;
    this.sockets = new ArrayList<>(local);
    this.nsp = nsp;
    this.mapper = mapper;
    this.result = result;
  }

  @Override
  public synchronized boolean onResponse(JsonNode response) {
    JsonNode list = response.path("sockets");
    if (!list.isArray()) return false;
    msgCount++;
    for (JsonNode s : list) {
      RemoteSocket socket = RemoteSockets.fromJson(s, nsp, mapper);
      if (socket != null) sockets.add(socket);
    }
    if (msgCount < numSub) return false;
    result.complete(List.copyOf(sockets));
    return true;
  }

  @Override
  public void onTimeout() {
    result.completeExceptionally(
        new TimeoutException("timeout reached while waiting for fetchSockets response"));
  }
}
