/**
 * The chat application of the tutorial's last chapter, done properly: usernames that are checked
 * and freed, several rooms with presence and history, a typing indicator, and reconnection that
 * keeps the user.
 *
 * <p>The state shared by every server node sits behind two small interfaces, {@link
 * io.sio4j.examples.chat.UserRegistry} (who holds which name) and {@link
 * io.sio4j.examples.chat.RoomStore} (who is in which room, and each room's last messages), both
 * answering with futures; the in-memory implementations serve one node, and a Redis-backed pair can
 * replace them without touching the event handling. What is only about one connection (its name,
 * its rooms, where it is typing) is in {@link io.sio4j.examples.chat.ChatMember}.
 *
 * <p>Nothing is escaped on the server: the page puts every value into the document as text ({@code
 * textContent}), which is what makes {@code <img src=x onerror=...>} harmless.
 */
package io.sio4j.examples.chat;
