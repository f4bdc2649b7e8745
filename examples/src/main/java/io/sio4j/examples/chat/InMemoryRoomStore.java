package io.sio4j.examples.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@link RoomStore} for a single server node. Bounded: each room keeps its last {@code historySize}
 * messages, and at most {@code maxRooms} rooms are remembered; an empty room's history stays until
 * a new room needs its place (least recently used first), and when every remembered room has users
 * a new room is refused.
 *
 * <pre>{@code
 * RoomStore rooms = new InMemoryRoomStore(50, 1000);
 * }</pre>
 *
 * <p>Thread-safe: every method holds this object's lock, which guards {@code rooms}.
 */
public final class InMemoryRoomStore implements RoomStore {
  private static final Comparator<String> BY_NAME =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  private static final class Room {
    final Set<String> users = new LinkedHashSet<>();
    final ArrayDeque<ChatMessage> history = new ArrayDeque<>();
  }

  private final int historySize;
  private final int maxRooms;

  /** Guarded by {@code this}; in access order, so the first empty entry is the least used. */
  private final LinkedHashMap<String, Room> rooms = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * A store that keeps {@code historySize} messages per room and remembers at most {@code maxRooms}
   * rooms.
   */
  public InMemoryRoomStore(int historySize, int maxRooms) {
    if (historySize < 0) throw new IllegalArgumentException("historySize < 0: " + historySize);
    if (maxRooms < 1) throw new IllegalArgumentException("maxRooms < 1: " + maxRooms);
    this.historySize = historySize;
    this.maxRooms = maxRooms;
  }

  @Override
  public synchronized CompletableFuture<RoomSnapshot> join(String room, String user) {
    Room r = rooms.get(room);
    if (r == null) {
      if (rooms.size() >= maxRooms && !evictOneEmptyRoom()) {
        return CompletableFuture.failedFuture(
            new ChatRejection("There are too many rooms right now; join an existing one."));
      }
      r = new Room();
      rooms.put(room, r);
    }
    r.users.add(user);
    return CompletableFuture.completedFuture(
        new RoomSnapshot(room, sorted(r.users), new ArrayList<>(r.history)));
  }

  private boolean evictOneEmptyRoom() {
    for (Iterator<Map.Entry<String, Room>> it = rooms.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue().users.isEmpty()) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized CompletableFuture<List<String>> leave(String room, String user) {
    Room r = rooms.get(room);
    if (r == null) return CompletableFuture.completedFuture(List.of());
    r.users.remove(user);
    return CompletableFuture.completedFuture(sorted(r.users));
  }

  @Override
  public synchronized CompletableFuture<Void> append(ChatMessage message) {
    Room r = rooms.get(message.room());
    if (r != null && historySize > 0) {
      if (r.history.size() == historySize) r.history.removeFirst();
      r.history.addLast(message);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletableFuture<List<String>> members(String room) {
    Room r = rooms.get(room);
    return CompletableFuture.completedFuture(r == null ? List.of() : sorted(r.users));
  }

  @Override
  public synchronized CompletableFuture<List<RoomSummary>> rooms() {
    List<RoomSummary> list = new ArrayList<>();
    // Iterating a LinkedHashMap's entries does not count as access, so the LRU order is kept.
    for (Map.Entry<String, Room> e : rooms.entrySet()) {
      int users = e.getValue().users.size();
      if (users > 0) list.add(new RoomSummary(e.getKey(), users));
    }
    list.sort(Comparator.comparing(RoomSummary::name, BY_NAME));
    return CompletableFuture.completedFuture(list);
  }

  private static List<String> sorted(Set<String> users) {
    List<String> list = new ArrayList<>(users);
    list.sort(BY_NAME);
    return List.copyOf(list);
  }
}
