package io.sio4j.examples.springchat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code roomInfo}'s request, {@code {"room_name": "general"}} under the snake-case strategy. */
public record RoomQuery(@NotBlank @Pattern(regexp = "[\\w-]{1,32}") String roomName) {}
