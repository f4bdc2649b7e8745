package io.sio4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.RestoredSession;
import io.sio4j.server.adapter.SessionToPersist;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The default {@link Adapter}: rooms in concurrent maps, broadcasts to the sockets of this node.
 * Each broadcast is encoded once and the same frames are written to every recipient. When
 * connection state recovery is on, it also keeps sessions and recent packets in memory.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder().adapter(InMemoryAdapter::new).build();
 * }</pre>
 *
 * <p>Thread-safe. Cluster adapters extend it and override the methods that must reach other nodes.
 */
public class InMemoryAdapter implements Adapter {
  private final Namespace nsp;
  private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> sids = new ConcurrentHashMap<>();
  private final List<Consumer<String>> createRoom = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> deleteRoom = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, String>> joinRoom = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, String>> leaveRoom = new CopyOnWriteArrayList<>();
  private final SessionStore sessions;

  /** The adapter of a namespace. */
  public InMemoryAdapter(Namespace nsp) {
    this.nsp = nsp;
    ConnectionStateRecovery csr = nsp.server().options().connectionStateRecovery();
    this.sessions =
        csr == null
            ? null
            : new SessionStore(
                csr.maxDisconnectionDuration().toMillis(),
                () -> TimeUnit.NANOSECONDS.toMillis(nsp.server().timers().nanoTime()));
  }

  /** The namespace this adapter serves. */
  protected Namespace namespace() {
    return nsp;
  }

  @Override
  public CompletableFuture<Integer> serverCount() {
    return CompletableFuture.completedFuture(1);
  }

  // Every socket is in its own room, and most are in no other: a set of one element is an
  // immutable Set.of (16 bytes) until a second one comes, then a concurrent set (~200 bytes with
  // its table and node). Sets are changed only inside the maps' compute calls, so the swap is
  // atomic; readers iterate whichever set they got, both are safe to iterate.

  @Override
  public void addAll(String id, Set<String> roomNames) {
    for (String room : roomNames) {
      Set<String> mine = sids.compute(id, (k, m) -> with(m, room));
      // a socket's own room: its id's immutable one-element set serves both maps (issue 12)
      Set<String> own =
          room.equals(id) && mine.size() == 1 && !(mine instanceof ConcurrentHashMap.KeySetView)
              ? mine
              : null;
      boolean[] created = {false};
      boolean[] joined = {false};
      rooms.compute(
          room,
          (k, members) -> {
            created[0] = members == null;
            joined[0] = members == null || !members.contains(id);
            if (!joined[0]) return members;
            return members == null && own != null ? own : with(members, id);
          });
      if (created[0]) createRoom.forEach(l -> l.accept(room));
      if (joined[0]) joinRoom.forEach(l -> l.accept(room, id));
    }
  }

  /** {@code set} with {@code element} added: a new set, or the same one changed in place. */
  private static Set<String> with(Set<String> set, String element) {
    if (set == null || set.isEmpty()) return Set.of(element);
    if (set.contains(element)) return set;
    if (set instanceof ConcurrentHashMap.KeySetView<String, ?> grown) {
      grown.add(element);
      return grown;
    }
    Set<String> grown = ConcurrentHashMap.newKeySet();
    grown.addAll(set);
    grown.add(element);
    return grown;
  }

  /** {@code set} without {@code element}: a new (empty) set, or the same one changed in place. */
  private static Set<String> without(Set<String> set, String element) {
    if (!set.contains(element)) return set;
    if (set instanceof ConcurrentHashMap.KeySetView<String, ?> grown) {
      grown.remove(element);
      return grown;
    }
    // not grown: the one-element Set.of that with() makes, and it held the element
    return Set.of();
  }

  @Override
  public void del(String id, String room) {
    sids.computeIfPresent(id, (k, mine) -> without(mine, room));
    removeFromRoom(id, room);
  }

  private void removeFromRoom(String id, String room) {
    boolean[] left = {false};
    boolean[] deleted = {false};
    rooms.computeIfPresent(
        room,
        (k, members) -> {
          left[0] = members.contains(id);
          Set<String> rest = without(members, id);
          if (rest.isEmpty()) {
            deleted[0] = true;
            return null;
          }
          return rest;
        });
    if (left[0]) leaveRoom.forEach(l -> l.accept(room, id));
    if (deleted[0]) deleteRoom.forEach(l -> l.accept(room));
  }

  @Override
  public void delAll(String id) {
    Set<String> mine = sids.remove(id);
    if (mine == null) return;
    for (String room : mine) removeFromRoom(id, room);
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions opts) {
    packet = withNamespace(packet);
    if (sessions != null
        && packet.type().isEvent()
        && !packet.hasAckId()
        && !opts.flags().isVolatile()) {
      String offset = sessions.nextOffset();
      ArrayNode data = JsonNodeFactory.instance.arrayNode();
      data.addAll((ArrayNode) packet.data());
      data.add(offset);
      packet = new SocketPacket(packet.type(), packet.namespace(), -1, data);
      sessions.storePacket(offset, opts, data);
    }
    deliver(packet, opts);
  }

  /**
   * Broadcasts to this node's sockets a packet whose offset a store assigned (a cluster adapter
   * over a log, such as Redis Streams, keeps the packets there): the offset is appended to an EVENT
   * the client may recover, and nothing is kept in memory. A null offset sends the packet as it is.
   */
  protected void broadcastWithOffset(SocketPacket packet, BroadcastOptions opts, String offset) {
    packet = withNamespace(packet);
    if (offset != null
        && sessions != null
        && packet.type().isEvent()
        && !packet.hasAckId()
        && !opts.flags().isVolatile()) {
      ArrayNode data = JsonNodeFactory.instance.arrayNode();
      data.addAll((ArrayNode) packet.data());
      data.add(offset);
      packet = new SocketPacket(packet.type(), packet.namespace(), -1, data);
    }
    deliver(packet, opts);
  }

  private void deliver(SocketPacket sent, BroadcastOptions opts) {
    OutboundMessage[] frames = nsp.encode(sent, opts.flags());
    Instruments instruments = nsp.server().instruments();
    if (!instruments.enabled()) {
      apply(opts, socket -> socket.writePacket(sent, frames));
      return;
    }
    int[] recipients = {0};
    apply(
        opts,
        socket -> {
          recipients[0]++;
          socket.writePacket(sent, frames);
        });
    instruments.broadcast(nsp.name(), recipients[0]);
  }

  @Override
  public void broadcastWithAck(
      SocketPacket packet,
      BroadcastOptions opts,
      IntConsumer clientCount,
      BiConsumer<String, ArrayNode> ack) {
    long id = nsp.nextAckId();
    SocketPacket sent = new SocketPacket(packet.type(), nsp.name(), id, packet.data());
    OutboundMessage[] frames = nsp.encode(sent, opts.flags());
    List<Socket> asked = new ArrayList<>();
    // the timeout forgets unanswered acks; once every socket answered it has nothing left to do
    AtomicInteger unanswered = new AtomicInteger(Integer.MAX_VALUE);
    AtomicReference<Cancellable> timer = new AtomicReference<>(Cancellable.NONE);
    apply(
        opts,
        socket -> {
          // a socket that owes maxPendingAcks already is left out, as if not in the rooms
          if (!socket.registerAck(
              id,
              args -> {
                if (unanswered.decrementAndGet() == 0) timer.get().cancel();
                ack.accept(socket.id(), args);
              })) {
            return;
          }
          asked.add(socket);
          socket.writePacket(sent, frames);
        });
    clientCount.accept(asked.size());
    nsp.server().instruments().broadcast(nsp.name(), asked.size());
    java.time.Duration timeout = opts.flags().timeout();
    if (timeout != null && !asked.isEmpty()) {
      timer.set(nsp.server().timers().schedule(() -> asked.forEach(s -> s.removeAck(id)), timeout));
      // answers that came in before the timer existed count too
      if (unanswered.addAndGet(asked.size() - Integer.MAX_VALUE) <= 0) timer.get().cancel();
    }
  }

  private SocketPacket withNamespace(SocketPacket p) {
    return p.namespace().equals(nsp.name())
        ? p
        : new SocketPacket(p.type(), nsp.name(), p.ackId(), p.data());
  }

  /** Calls {@code fn} once for each local socket targeted by {@code opts}. */
  protected void apply(BroadcastOptions opts, Consumer<Socket> fn) {
    Set<String> except = computeExceptSids(opts.except());
    if (!opts.rooms().isEmpty()) {
      Set<String> seen = new HashSet<>();
      for (String room : opts.rooms()) {
        Set<String> members = rooms.get(room);
        if (members == null) continue;
        for (String id : members) {
          if (except.contains(id) || !seen.add(id)) continue;
          Socket socket = nsp.localSocket(id);
          if (socket != null) fn.accept(socket);
        }
      }
    } else {
      for (Socket socket : nsp.sockets().values()) {
        if (!except.contains(socket.id())) fn.accept(socket);
      }
    }
  }

  private Set<String> computeExceptSids(Set<String> exceptRooms) {
    if (exceptRooms.isEmpty()) return Set.of();
    Set<String> out = new HashSet<>();
    for (String room : exceptRooms) {
      Set<String> members = rooms.get(room);
      if (members != null) out.addAll(members);
    }
    return out;
  }

  @Override
  public CompletableFuture<Set<String>> sockets(Set<String> roomNames) {
    Set<String> out = new LinkedHashSet<>();
    apply(new BroadcastOptions(roomNames, Set.of(), null), s -> out.add(s.id()));
    return CompletableFuture.completedFuture(Collections.unmodifiableSet(out));
  }

  @Override
  public Set<String> socketRooms(String id) {
    Set<String> mine = sids.get(id);
    return mine == null ? null : Collections.unmodifiableSet(mine);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
    List<RemoteSocket> out = new ArrayList<>();
    apply(opts, s -> out.add(RemoteSocket.of(s)));
    return CompletableFuture.completedFuture(List.copyOf(out));
  }

  @Override
  public void addSockets(BroadcastOptions opts, Set<String> roomNames) {
    apply(opts, s -> s.join(roomNames));
  }

  @Override
  public void delSockets(BroadcastOptions opts, Set<String> roomNames) {
    apply(opts, s -> roomNames.forEach(s::leave));
  }

  @Override
  public void disconnectSockets(BroadcastOptions opts, boolean close) {
    List<Socket> targets = new ArrayList<>();
    apply(opts, targets::add);
    targets.forEach(s -> s.disconnect(close));
  }

  @Override
  public void serverSideEmit(
      String event, Object[] args, BiConsumer<Throwable, List<ArrayNode>> ack) {
    // A single node has no other server to reach, like the official in-memory adapter.
    if (ack != null) ack.accept(null, List.of());
  }

  @Override
  public void persistSession(SessionToPersist session) {
    if (sessions != null) sessions.persist(session);
  }

  @Override
  public CompletableFuture<RestoredSession> restoreSession(String pid, String offset) {
    return CompletableFuture.completedFuture(
        sessions == null ? null : sessions.restore(pid, offset));
  }

  /**
   * Delivers an event received from another server node to the namespace's {@link
   * Namespace#onServerSideEmit} listeners; {@code ack} is null when the sender wants no answer.
   */
  protected void onServerSideEmit(String event, ArrayNode args, Consumer<Object> ack) {
    nsp.onServerSideEmit(event, args, ack);
  }

  /** The server's JSON mapper, for cluster adapters that bind arguments and socket data. */
  protected com.fasterxml.jackson.databind.ObjectMapper mapper() {
    return nsp.server().mapper();
  }

  /**
   * The server's scheduler for timers that belong to no single connection, for cluster adapters
   * (request timeouts, heartbeats); tests inject a virtual clock through the server builder.
   */
  protected io.sio4j.protocol.time.Scheduler scheduler() {
    return nsp.server().timers();
  }

  /** Whether this adapter keeps sessions (connection state recovery is on). */
  protected boolean recoversSessions() {
    return sessions != null;
  }

  @Override
  public Map<String, Set<String>> rooms() {
    return Collections.unmodifiableMap(rooms);
  }

  @Override
  public Map<String, Set<String>> sids() {
    return Collections.unmodifiableMap(sids);
  }

  @Override
  public Adapter on(String event, Consumer<String> listener) {
    switch (event) {
      case "create-room" -> createRoom.add(listener);
      case "delete-room" -> deleteRoom.add(listener);
      default ->
          throw new IllegalArgumentException(
              "unknown adapter event with one argument: " + event + " (create-room, delete-room)");
    }
    return this;
  }

  @Override
  public Adapter on(String event, BiConsumer<String, String> listener) {
    switch (event) {
      case "join-room" -> joinRoom.add(listener);
      case "leave-room" -> leaveRoom.add(listener);
      default ->
          throw new IllegalArgumentException(
              "unknown adapter event with two arguments: " + event + " (join-room, leave-room)");
    }
    return this;
  }
}
