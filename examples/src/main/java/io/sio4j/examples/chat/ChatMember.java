package io.sio4j.examples.chat;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one connected socket is in the chat: its username once set, the rooms it joined (in order),
 * the rooms it is typing in, and how many requests it made lately (a rate limit). Lives as long as
 * the socket; the shared, cluster-wide state is in {@link UserRegistry} and {@link RoomStore}.
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
  /**
   * Most requests (messages, joins, leaves, typing) a socket may make per {@link #WINDOW_MILLIS}.
   */
  public static final int REQUESTS_PER_WINDOW = 30;

  /** The rate limit's sliding window. */
  public static final long WINDOW_MILLIS = 10_000;

  private String username;
  private final ArrayDeque<Long> recentRequests = new ArrayDeque<>();
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

  /**
   * Counts a request at {@code nowMillis}; false when this socket made {@link #REQUESTS_PER_WINDOW}
   * requests in the last {@link #WINDOW_MILLIS} already (the request is then not counted), so one
   * page cannot flood a room or the room list.
   */
  public synchronized boolean allowRequest(long nowMillis) {
    while (!recentRequests.isEmpty() && recentRequests.peekFirst() <= nowMillis - WINDOW_MILLIS) {
      recentRequests.removeFirst();
    }
    if (recentRequests.size() >= REQUESTS_PER_WINDOW) return false;
    recentRequests.addLast(nowMillis);
    return true;
  }

  /** Clears typing everywhere (on disconnect) and returns the rooms where it was set. */
  public synchronized List<String> stopTypingEverywhere() {
    List<String> was = List.copyOf(typingIn);
    typingIn.clear();
    return was;
  }
}
