package io.sio4j.examples.chat;

/**
 * A room as listed to the pages ({@code rooms} event): its name and how many users are in it.
 *
 * <pre>{@code
 * rooms.rooms().thenAccept(list -> io.emit("rooms", list));
 * }</pre>
 *
 * <p>Immutable, so thread-safe.
 */
public record RoomSummary(String name, int users) {}
