package io.sio4j.examples.springchat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the page sends with {@code msg}; {@code user} is ignored (the server knows who). */
public record Msg(@NotBlank @Size(max = 500) String message, @Size(max = 32) String room) {}
