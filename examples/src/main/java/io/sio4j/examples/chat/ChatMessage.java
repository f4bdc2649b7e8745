package io.sio4j.examples.chat;

import java.util.Objects;

/**
 * One chat message as it travels to the pages ({@code newmsg}) and sits in a room's history. The
 * fields {@code message} and {@code user} are the tutorial's; {@code room} and {@code time} (epoch
 * milliseconds) are ours.
 *
 * <pre>{@code
 * ChatMessage m = new ChatMessage("hello", "ada", "general", System.currentTimeMillis());
 * io.to(ChatRooms.socketRoom(m.room())).emit("newmsg", m);
 * }</pre>
 *
 * <p>Immutable, so thread-safe.
 */
public record ChatMessage(String message, String user, String room, long time) {
  /** Checks that no field is missing. */
  public ChatMessage {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(room, "room");
  }
}
