package io.sio4j.examples.chat;

/**
 * A chat request refused for a reason the user should read (an invalid name, a message too long, no
 * room to join). The message is shown on the page as {@code chatError}; there is no stack trace,
 * since nothing went wrong in the program.
 *
 * <pre>{@code
 * try {
 *   String name = ChatInput.username(raw);
 * } catch (ChatRejection e) {
 *   socket.emit("chatError", Map.of("message", e.getMessage()));
 * }
 * }</pre>
 *
 * <p>Immutable, so thread-safe.
 */
public final class ChatRejection extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal with the text shown to the user. */
  public ChatRejection(String message) {
    super(message, null, false, false);
  }
}
