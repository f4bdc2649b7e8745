package io.sio4j.examples.tutorial;

/**
 * The tutorial's payload object, {@code {"description": "..."}}, as a record that Jackson writes.
 *
 * <pre>{@code
 * socket.emit("testerEvent", new Description("A custom event named testerEvent!"));
 * }</pre>
 *
 * <p>Immutable, so thread-safe.
 */
public record Description(String description) {}
