package io.sio4j.emitter.redis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The targets and flags of one emission of a {@link RedisEmitter}: {@code to}, {@code except},
 * {@code asVolatile} and {@code compress} return changed copies, as the official emitter's {@code
 * BroadcastOperator} does.
 *
 * <pre>{@code
 * EmitterOperator reds = emitter.to("red");
 * reds.except("muted").emit("alert", "fire");
 * reds.socketsLeave("red");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EmitterOperator {
  private final RedisEmitter emitter;
  private final Set<String> rooms;
  private final Set<String> except;
  private final boolean isVolatile;
  private final boolean compress;

  EmitterOperator(
      RedisEmitter emitter,
      Set<String> rooms,
      Set<String> except,
      boolean isVolatile,
      boolean compress) {
    this.emitter = emitter;
    this.rooms = rooms;
    this.except = except;
    this.isVolatile = isVolatile;
    this.compress = compress;
  }

  private static Set<String> plus(Set<String> set, String[] more) {
    Set<String> out = new LinkedHashSet<>(set);
    for (String s : more) out.add(Objects.requireNonNull(s, "room"));
    return java.util.Collections.unmodifiableSet(out);
  }

  /** Also targets the clients in these rooms. */
  public EmitterOperator to(String... more) {
    return new EmitterOperator(emitter, plus(rooms, more), except, isVolatile, compress);
  }

  /** Same as {@link #to}. */
  public EmitterOperator in(String... more) {
    return to(more);
  }

  /** Also leaves out the clients in these rooms. */
  public EmitterOperator except(String... more) {
    return new EmitterOperator(emitter, rooms, plus(except, more), isVolatile, compress);
  }

  /** The packet may be dropped by a client that cannot take it at once. */
  public EmitterOperator asVolatile() {
    return new EmitterOperator(emitter, rooms, except, true, compress);
  }

  /** Whether the packet may be compressed. */
  public EmitterOperator compress(boolean compress) {
    return new EmitterOperator(emitter, rooms, except, isVolatile, compress);
  }

  /**
   * Sends an event to the targeted clients; published on the room's own channel when there is
   * exactly one room, as the official emitter does.
   *
   * @throws IllegalArgumentException for a reserved event name ({@code "connect"}...)
   */
  public CompletableFuture<Void> emit(String event, Object... args) {
    Objects.requireNonNull(event, "event");
    if (RedisEmitter.RESERVED_EVENTS.contains(event)) {
      throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
    }
    ArrayNode data = JsonNodeFactory.instance.arrayNode().add(event);
    for (Object arg : args) data.add(EmitterWire.toTree(arg, emitter.mapper()));
    byte[] message =
        EmitterWire.broadcast(
            emitter.namespace(),
            data,
            List.copyOf(rooms),
            List.copyOf(except),
            isVolatile,
            compress);
    String channel = emitter.broadcastChannel();
    if (rooms.size() == 1) channel += rooms.iterator().next() + "#";
    return emitter.publish(channel, message);
  }

  /** Makes the targeted clients join rooms. */
  public CompletableFuture<Void> socketsJoin(String... roomsToJoin) {
    return request(EmitterWire.REMOTE_JOIN, List.of(roomsToJoin), false);
  }

  /** Makes the targeted clients leave rooms. */
  public CompletableFuture<Void> socketsLeave(String... roomsToLeave) {
    return request(EmitterWire.REMOTE_LEAVE, List.of(roomsToLeave), false);
  }

  /** Disconnects the targeted clients; {@code close} also closes their connections. */
  public CompletableFuture<Void> disconnectSockets(boolean close) {
    return request(EmitterWire.REMOTE_DISCONNECT, null, close);
  }

  private CompletableFuture<Void> request(int type, List<String> targetRooms, boolean close) {
    byte[] message =
        EmitterWire.json(
            EmitterWire.request(type, List.copyOf(rooms), List.copyOf(except), targetRooms, close));
    return emitter.publish(emitter.requestChannel(), message);
  }
}
