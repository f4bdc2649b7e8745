package io.sio4j.examples.springchat;

import java.time.Instant;

/**
 * A chat message as the room receives it ({@code newmsg}). The application's Jackson settings
 * apply: with {@code spring.jackson.property-naming-strategy=SNAKE_CASE} {@code sentAt} goes out as
 * {@code sent_at}, an ISO-8601 string (Jackson 3's date default); {@code time} (epoch millis) is
 * what the page shows.
 */
public record ChatMessage(String message, String user, String room, long time, Instant sentAt) {}
