package io.sio4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.adapter.BroadcastOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The adapter of a {@link ParentNamespace}: it has no sockets of its own and forwards broadcasts
 * and socket queries to the adapters of every child namespace.
 *
 * <p>Thread-safe.
 */
final class ParentBroadcastAdapter extends InMemoryAdapter {
  ParentBroadcastAdapter(Namespace parent) {
    super(parent);
  }

  private Set<Namespace> children() {
    return ((ParentNamespace) namespace()).children();
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    for (Namespace child : children()) child.adapter().broadcast(packet, opts);
  }

  @Override
  public void broadcastWithAck(
      SocketPacket packet,
      BroadcastOptions opts,
      IntConsumer clientCount,
      BiConsumer<String, ArrayNode> ack) {
    int[] total = {0};
    for (Namespace child : children()) {
      child.adapter().broadcastWithAck(packet, opts, n -> total[0] += n, ack);
    }
    clientCount.accept(total[0]);
  }

  @Override
  public CompletableFuture<Set<String>> sockets(Set<String> rooms) {
    Set<String> out = new LinkedHashSet<>();
    for (Namespace child : children()) out.addAll(child.adapter().sockets(rooms).join());
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
    List<RemoteSocket> out = new ArrayList<>();
    for (Namespace child : children()) out.addAll(child.adapter().fetchSockets(opts).join());
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> rooms) {
    for (Namespace child : children()) child.adapter().addSockets(opts, rooms);
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> rooms) {
    for (Namespace child : children()) child.adapter().delSockets(opts, rooms);
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    for (Namespace child : children()) child.adapter().disconnectSockets(opts, close);
  }
}
