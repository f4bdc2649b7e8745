package io.sio4j.examples.chat;

import java.util.regex.Pattern;

/**
 * Checks and normalises what the pages send: usernames, room names and messages. Each method
 * returns the value to use or throws {@link ChatRejection} with the text to show the user. Nothing
 * here escapes HTML: the page renders every value as text, which is what makes it safe.
 *
 * <pre>{@code
 * String name = ChatInput.username("  ada ");   // "ada"
 * ChatInput.roomName("<script>");              // throws ChatRejection
 * }</pre>
 *
 * <p>Stateless, so thread-safe.
 */
public final class ChatInput {
  /** Longest username, in characters. */
  public static final int MAX_USERNAME = 32;

  /** Longest room name, in characters. */
  public static final int MAX_ROOM = 32;

  /** Longest message, in characters. */
  public static final int MAX_MESSAGE = 1000;

  /** Letters, digits and a few separators; no control characters, no markup characters. */
  private static final Pattern ROOM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*");

  private ChatInput() {}

  /** A trimmed username of 1 to 32 characters without control characters. */
  public static String username(Object raw) {
    String name = text(raw, "Pick a username.").strip();
    if (name.isEmpty()) throw new ChatRejection("Pick a username.");
    if (name.length() > MAX_USERNAME) {
      throw new ChatRejection("A username has at most " + MAX_USERNAME + " characters.");
    }
    if (name.codePoints().anyMatch(ChatInput::isControl)) {
      throw new ChatRejection("A username cannot contain control characters.");
    }
    return name;
  }

  /** A trimmed room name of 1 to 32 letters, digits, spaces, dots, dashes or underscores. */
  public static String roomName(Object raw) {
    String room = text(raw, "Name a room.").strip();
    if (room.isEmpty()) throw new ChatRejection("Name a room.");
    if (room.length() > MAX_ROOM || !ROOM.matcher(room).matches()) {
      throw new ChatRejection(
          "A room name has 1 to "
              + MAX_ROOM
              + " letters, digits, spaces, dots, dashes or underscores.");
    }
    return room;
  }

  /** A message of 1 to 1000 characters that is not only white space (kept as typed). */
  public static String message(Object raw) {
    String message = text(raw, "Write a message first.");
    if (message.isBlank()) throw new ChatRejection("Write a message first.");
    if (message.length() > MAX_MESSAGE) {
      throw new ChatRejection("A message has at most " + MAX_MESSAGE + " characters.");
    }
    return message;
  }

  private static String text(Object raw, String whenMissing) {
    if (raw instanceof String s) return s;
    throw new ChatRejection(whenMissing);
  }

  private static boolean isControl(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR;
  }
}
