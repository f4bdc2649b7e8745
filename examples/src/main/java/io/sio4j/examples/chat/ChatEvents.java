package io.sio4j.examples.chat;

import java.util.List;

/**
 * The chat's wire contract: event names and the payloads the server sends, as records that Jackson
 * writes. The first five names are the tutorial's; a page written for the tutorial works unchanged.
 *
 * <pre>{@code
 * socket.emit(ChatEvents.USER_SET, new ChatEvents.UserSet("ada", token, "general"));
 * }</pre>
 *
 * <p>Constants and immutable records, so thread-safe.
 */
public final class ChatEvents {
  private ChatEvents() {}

  /** Page → server: {@code (username, token?)}; token given back by {@code userSet}. */
  public static final String SET_USERNAME = "setUsername";

  /** Server → page: the name is taken (a string). */
  public static final String USER_EXISTS = "userExists";

  /** Server → page: the name is yours ({@link UserSet}). */
  public static final String USER_SET = "userSet";

  /** Page → server: {@code {message, user, room?}} (user is ignored: the server knows who). */
  public static final String MSG = "msg";

  /** Server → room: a {@link ChatMessage}. */
  public static final String NEW_MSG = "newmsg";

  /** Page → server: a room name to join. */
  public static final String JOIN_ROOM = "joinRoom";

  /** Page → server: a room name to leave. */
  public static final String LEAVE_ROOM = "leaveRoom";

  /** Server → page: a {@link RoomSnapshot} of the room just joined. */
  public static final String JOINED = "joined";

  /** Server → page: a {@link Left} for the room just left. */
  public static final String LEFT = "left";

  /** Server → room: {@link Presence}, who is online there now. */
  public static final String PRESENCE = "presence";

  /** Server → everyone: the list of {@link RoomSummary} with users. */
  public static final String ROOMS = "rooms";

  /** Page → server: {@code (room, boolean)}; server → the room's others: {@link Typing}. */
  public static final String TYPING = "typing";

  /** Server → page: a request was refused ({@link ChatError}). */
  public static final String CHAT_ERROR = "chatError";

  /**
   * What a page sends with {@code msg}: the text and, optionally, the room (the default room when
   * null). The tutorial's page also sends {@code user}; it is ignored, the server knows who.
   */
  public record Msg(String message, String room) {}

  /** The answer to a granted {@code setUsername}; {@code room} is the default room joined. */
  public record UserSet(String username, String token, String room) {}

  /** Who is online in a room, sorted by name. */
  public record Presence(String room, List<String> users) {}

  /** Someone started or stopped typing in a room. */
  public record Typing(String room, String user, boolean typing) {}

  /** The room the page just left. */
  public record Left(String room) {}

  /** Why a request was refused, to show the user. */
  public record ChatError(String message) {}
}
