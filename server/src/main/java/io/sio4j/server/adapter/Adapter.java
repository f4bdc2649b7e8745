package io.sio4j.server.adapter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.RemoteSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The room registry and broadcaster of one namespace: the official socket.io-adapter's method set.
 * {@link io.sio4j.server.InMemoryAdapter} serves one node; a cluster adapter extends it and also
 * forwards broadcasts and requests to the other nodes.
 *
 * <p>Events, as in JavaScript: {@code "create-room"} and {@code "delete-room"} with the room,
 * {@code "join-room"} and {@code "leave-room"} with the room and the socket id.
 *
 * <pre>{@code
 * Adapter adapter = io.of("/").adapter();
 * adapter.on("join-room", (room, id) -> log.info("{} joined {}", id, room));
 * Set<String> inRoom = adapter.rooms().getOrDefault("room1", Set.of());
 * }</pre>
 *
 * <p>Threading: implementations are thread-safe; event listeners run on the thread that made the
 * change.
 */
public interface Adapter {

  /** Called once when the namespace is created. */
  default void init() {}

  /** Called when the namespace or the server closes. */
  default CompletableFuture<Void> close() {
    return CompletableFuture.completedFuture(null);
  }

  /** The number of server nodes (1 for a single node). */
  CompletableFuture<Integer> serverCount();

  /** Adds a socket to rooms. */
  void addAll(String id, Set<String> rooms);

  /** Removes a socket from a room. */
  void del(String id, String room);

  /** Removes a socket from all its rooms. */
  void delAll(String id);

  /** Sends a packet to the targeted sockets, encoded once. */
  void broadcast(SocketPacket packet, BroadcastOptions opts);

  /**
   * Sends a packet that asks for an acknowledgement. {@code clientCount} is called once per node
   * with the number of sockets it wrote to; {@code ack} once per answer with the socket id and the
   * answer's arguments.
   */
  void broadcastWithAck(
      SocketPacket packet,
      BroadcastOptions opts,
      IntConsumer clientCount,
      BiConsumer<String, ArrayNode> ack);

  /** The ids of the sockets in any of the rooms (all sockets when empty). */
  CompletableFuture<Set<String>> sockets(Set<String> rooms);

  /** The rooms of a local socket, or {@code null} when unknown. */
  Set<String> socketRooms(String id);

  /** Views of the targeted sockets, local and remote. */
  CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions opts);

  /** Makes the targeted sockets join rooms. */
  void addSockets(BroadcastOptions opts, Set<String> rooms);

  /** Makes the targeted sockets leave rooms. */
  void delSockets(BroadcastOptions opts, Set<String> rooms);

  /** Disconnects the targeted sockets; {@code close} also closes their connections. */
  void disconnectSockets(BroadcastOptions opts, boolean close);

  /**
   * Sends {@code [event, ...args]} to the other server nodes. With an {@code ack}, it is called
   * once with every node's answer (each an array of arguments) or with an error. A single node has
   * no one to reach: the ack gets an empty list at once.
   */
  void serverSideEmit(String event, Object[] args, BiConsumer<Throwable, List<ArrayNode>> ack);

  /** Keeps a disconnected socket's state for connection state recovery. */
  void persistSession(SessionToPersist session);

  /**
   * Finds a persisted session and the packets sent after {@code offset}; completes with {@code
   * null} when it cannot be recovered (unknown, expired, offset no longer buffered).
   */
  CompletableFuture<RestoredSession> restoreSession(String pid, String offset);

  /** Room name to socket ids (a socket's own id is a room too). Read-only view. */
  Map<String, Set<String>> rooms();

  /** Socket id to room names. Read-only view. */
  Map<String, Set<String>> sids();

  /** Listens to {@code "create-room"} or {@code "delete-room"} (the room). */
  Adapter on(String event, Consumer<String> listener);

  /** Listens to {@code "join-room"} or {@code "leave-room"} (the room, the socket id). */
  Adapter on(String event, BiConsumer<String, String> listener);
}
