package io.sio4j.examples.chat;

import java.util.List;

/**
 * What a user sees on joining a room ({@code joined} event): who is online in it and its last
 * messages, oldest first.
 *
 * <pre>{@code
 * rooms.join("general", "ada").thenAccept(snapshot -> socket.emit("joined", snapshot));
 * }</pre>
 *
 * <p>Immutable, so thread-safe.
 */
public record RoomSnapshot(String room, List<String> users, List<ChatMessage> history) {
  /** Copies the lists, so the snapshot never changes afterwards. */
  public RoomSnapshot {
    users = List.copyOf(users);
    history = List.copyOf(history);
  }
}
