package io.sio4j.server.adapter;

import java.util.Set;

/**
 * Which sockets a broadcast or a utility ({@code socketsJoin}, {@code fetchSockets}...) targets:
 * the sockets in any of {@code rooms} (every socket of the namespace when empty) that are in none
 * of {@code except}. Passed to the {@link Adapter}.
 *
 * <pre>{@code
 * adapter.broadcast(packet, new BroadcastOptions(Set.of("room1"), Set.of(), BroadcastFlags.DEFAULT));
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param rooms the target rooms, empty for all sockets
 * @param except the rooms whose sockets are left out
 * @param flags the modifiers
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, BroadcastFlags flags) {

  /** Copies the sets. */
  public BroadcastOptions {
    rooms = Set.copyOf(rooms);
    except = Set.copyOf(except);
    if (flags == null) flags = BroadcastFlags.DEFAULT;
  }

  /** Every socket, no modifiers. */
  public static BroadcastOptions all() {
    return new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.DEFAULT);
  }
}
