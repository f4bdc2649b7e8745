package io.sio4j.examples.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The chat rooms' shared state: who is in each room (presence) and each room's last messages
 * (history). Kept behind this interface so several server nodes can share it (a Redis-backed store
 * later) while one node uses {@link InMemoryRoomStore}. Methods answer with futures so an
 * implementation may do I/O without blocking the event loop. Presence is by username, so a user who
 * reconnects (new socket, same name) is one entry, not two.
 *
 * <pre>{@code
 * RoomStore rooms = new InMemoryRoomStore(50, 1000);
 * RoomSnapshot general = rooms.join("general", "ada").join(); // users [ada], history []
 * rooms.append(new ChatMessage("hi", "ada", "general", now)).join();
 * rooms.leave("general", "ada").join();                       // users []
 * }</pre>
 *
 * <p>A shared implementation must bound what it keeps (history per room, number of rooms) and drop
 * the presence of users whose node died, as {@link UserRegistry} does for names.
 *
 * <p>Implementations are thread-safe.
 */
public interface RoomStore {

  /**
   * Adds {@code user} to {@code room} (creating the room if needed) and answers with the room as
   * the user now sees it. Completes exceptionally with {@link ChatRejection} when the store cannot
   * take another room.
   */
  CompletableFuture<RoomSnapshot> join(String room, String user);

  /** Removes {@code user} from {@code room}; completes with the users still there. */
  CompletableFuture<List<String>> leave(String room, String user);

  /** Adds a message to the end of its room's history (dropping the oldest beyond the limit). */
  CompletableFuture<Void> append(ChatMessage message);

  /** The users in {@code room}, sorted by name (empty when there is no such room). */
  CompletableFuture<List<String>> members(String room);

  /** The rooms that have at least one user, sorted by name. */
  CompletableFuture<List<RoomSummary>> rooms();
}
