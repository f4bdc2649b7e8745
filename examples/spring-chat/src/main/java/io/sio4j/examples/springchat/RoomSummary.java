package io.sio4j.examples.springchat;

/** A room with users in it ({@code rooms} event, {@code GET /api/rooms}). */
public record RoomSummary(String name, int userCount) {}
