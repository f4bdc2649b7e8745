package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.server.adapter.ClusterRequests;
import io.sio4j.server.adapter.ClusterWire;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * An {@code allRooms} request: the room names of each other node, added to this node's.
 *
 * <p>Thread-safe (synchronized).
 */
final class AllRoomsRequest implements ClusterRequests.Pending {
  private final int numSub;
  private int msgCount = 1; // this node
  private final Set<String> rooms;
  private final CompletableFuture<Set<String>> result;

  AllRoomsRequest(int numSub, Set<String> local, CompletableFuture<Set<String>> result) {
    this.numSub = numSub;
    this.rooms = local;
    this.result = result;
  }

  @Override
  public synchronized boolean onResponse(String fromUid, JsonNode list) {
    if (list == null || !list.isArray()) return false;
    msgCount++;
    rooms.addAll(ClusterWire.strings(list));
    if (msgCount < numSub) return false;
    result.complete(Set.copyOf(rooms));
    return true;
  }

  @Override
  public void onTimeout() {
    result.completeExceptionally(
        new TimeoutException("timeout reached while waiting for allRooms response"));
  }
}
