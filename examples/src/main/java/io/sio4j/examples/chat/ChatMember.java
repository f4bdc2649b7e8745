package io.sio4j.examples.chat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one connected socket is in the chat: its username once set, the rooms it joined (in order)
 * and the rooms it is typing in. Lives as long as the socket; the shared, cluster-wide state is in
 * {@link UserRegistry} and {@link RoomStore}.
 *
 * <pre>{@code
 * ChatMember member = new ChatMember();
 * member.username("ada");
 * member.join("general");
 * if (member.startTyping("general")) io.to(...).emit("typing", ...);
 * }</pre>
 *
 * <p>Thread-safe: every method holds this object's lock, which guards all fields.
 */
public final class ChatMember {
  private String username;
  private final Set<String> rooms = new LinkedHashSet<>();
  private final Set<String> typingIn = new LinkedHashSet<>();

  /** The username, or {@code null} before {@code userSet}. */
  public synchronized String username() {
    return username;
  }

  /** Records the username the registry granted. */
  public synchronized void username(String name) {
    this.username = name;
  }

  /** Records that this socket joined {@code room}; returns false if it already had. */
  public synchronized boolean join(String room) {
    return rooms.add(room);
  }

  /** Records that this socket left {@code room}; returns false if it was not in it. */
  public synchronized boolean leave(String room) {
    typingIn.remove(room);
    return rooms.remove(room);
  }

  /** Whether this socket is in {@code room}. */
  public synchronized boolean isIn(String room) {
    return rooms.contains(room);
  }

  /** The rooms joined, oldest first. */
  public synchronized List<String> rooms() {
    return List.copyOf(rooms);
  }

  /** Marks typing in a joined room; true when that is news (others should be told). */
  public synchronized boolean startTyping(String room) {
    return rooms.contains(room) && typingIn.add(room);
  }

  /** Clears typing in {@code room}; true when that is news (others should be told). */
  public synchronized boolean stopTyping(String room) {
    return typingIn.remove(room);
  }

  /** Clears typing everywhere (on disconnect) and returns the rooms where it was set. */
  public synchronized List<String> stopTypingEverywhere() {
    List<String> was = List.copyOf(typingIn);
    typingIn.clear();
    return was;
  }
}
