package io.sio4j.examples.chat;

import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;

/**
 * The typing indicator: relays "typing" / "stopped typing" to the others in a room, once per
 * change, and stops it when the user sends a message, leaves the room or disconnects. Nothing is
 * stored beyond the socket's {@link ChatMember}; pages also drop an indicator that is not renewed,
 * so a lost "stopped" message never leaves one stuck.
 *
 * <pre>{@code
 * TypingRelay typing = new TypingRelay(io);
 * socket.on("typing", (Object room, Object on) -> typing.onTyping(socket, member, room, on));
 * }</pre>
 *
 * <p>Thread-safe (no state of its own).
 */
public final class TypingRelay {
  private final SocketIoServer io;

  /** A relay that emits through {@code io}. */
  public TypingRelay(SocketIoServer io) {
    this.io = io;
  }

  /** Handles the page's {@code typing(room, on)}; ignored unless the user is in that room. */
  public void onTyping(Socket socket, ChatMember member, String room, boolean on) {
    String user = member.username();
    if (user == null || room == null) return;
    boolean news = on ? member.startTyping(room) : member.stopTyping(room);
    if (news) {
      socket
          .to(ChatServer.socketRoom(room))
          .emit(ChatEvents.TYPING, new ChatEvents.Typing(room, user, on));
    }
  }

  /** Stops the user's typing in {@code room} (they sent a message or left), telling the others. */
  public void stop(ChatMember member, String room) {
    String user = member.username();
    if (user != null && member.stopTyping(room)) {
      io.to(ChatServer.socketRoom(room))
          .emit(ChatEvents.TYPING, new ChatEvents.Typing(room, user, false));
    }
  }

  /** Stops the user's typing everywhere (they disconnected). */
  public void stopEverywhere(ChatMember member) {
    String user = member.username();
    if (user == null) return;
    for (String room : member.stopTypingEverywhere()) {
      io.to(ChatServer.socketRoom(room))
          .emit(ChatEvents.TYPING, new ChatEvents.Typing(room, user, false));
    }
  }
}
