package io.sio4j.examples.springchat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The chat's state on one node: who holds which name, who is in which room, and each room's last
 * messages. Thread-safe: every method synchronizes on this.
 */
@Component
public class ChatRooms {
  /** Messages of history kept per room. */
  public static final int HISTORY = 50;

  private final Map<String, String> owners = new ConcurrentHashMap<>(); // lower-case name → id
  private final Map<String, TreeSet<String>> members = new TreeMap<>(); // room → names
  private final Map<String, Deque<ChatMessage>> history = new TreeMap<>();

  /** Claims a name for a socket; false when someone else holds it. */
  public synchronized boolean claim(String name, String socketId) {
    String key = name.toLowerCase(java.util.Locale.ROOT);
    String owner = owners.putIfAbsent(key, socketId);
    return owner == null || owner.equals(socketId);
  }

  /** Frees a name and takes it out of every room; returns the rooms it was in. */
  public synchronized List<String> release(String name, String socketId) {
    owners.remove(name.toLowerCase(java.util.Locale.ROOT), socketId);
    List<String> left = new ArrayList<>();
    members.forEach(
        (room, names) -> {
          if (names.remove(name)) left.add(room);
        });
    return left;
  }

  /** Adds a user to a room; returns the room's members. */
  public synchronized List<String> join(String room, String name) {
    members.computeIfAbsent(room, r -> new TreeSet<>()).add(name);
    return List.copyOf(members.get(room));
  }

  /** Removes a user from a room; returns the room's members. */
  public synchronized List<String> leave(String room, String name) {
    TreeSet<String> names = members.getOrDefault(room, new TreeSet<>());
    names.remove(name);
    return List.copyOf(names);
  }

  /** The room's members. */
  public synchronized List<String> users(String room) {
    return List.copyOf(members.getOrDefault(room, new TreeSet<>()));
  }

  /** Records a message in its room's history. */
  public synchronized void record(ChatMessage message) {
    Deque<ChatMessage> h = history.computeIfAbsent(message.room(), r -> new ArrayDeque<>());
    h.addLast(message);
    if (h.size() > HISTORY) h.removeFirst();
  }

  /** The room's last messages, oldest first. */
  public synchronized List<ChatMessage> history(String room) {
    return List.copyOf(history.getOrDefault(room, new ArrayDeque<>()));
  }

  /** Every room with users in it, by name. */
  public synchronized List<RoomSummary> rooms() {
    return members.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> new RoomSummary(e.getKey(), e.getValue().size()))
        .toList();
  }
}
