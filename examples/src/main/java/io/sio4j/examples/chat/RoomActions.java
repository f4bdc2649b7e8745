package io.sio4j.examples.chat;

import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a named user does with rooms: join (getting presence and the last messages), leave, and send
 * a message to a room. Presence and history go through the {@link RoomStore}; delivery goes through
 * Socket.IO rooms (see {@link ChatServer#socketRoom}), so with a cluster adapter both reach every
 * node.
 *
 * <pre>{@code
 * RoomActions actions = new RoomActions(io, rooms, typing, Clock.systemUTC());
 * actions.join(socket, member, "java");
 * }</pre>
 *
 * <p>Thread-safe (no state of its own); each method answers with a future that completes when the
 * store and the emits are done, exceptionally with {@link ChatRejection} for the user to read.
 */
public final class RoomActions {
  /** Most rooms one socket may be in at once. */
  public static final int MAX_ROOMS_PER_USER = 20;

  private static final Logger LOG = LoggerFactory.getLogger("io.sio4j.examples.chat");

  private final SocketIoServer io;
  private final RoomStore rooms;
  private final TypingRelay typing;
  private final Clock clock;

  /**
   * Actions over {@code rooms}, emitting through {@code io}, stamping messages with {@code clock}.
   */
  public RoomActions(SocketIoServer io, RoomStore rooms, TypingRelay typing, Clock clock) {
    this.io = io;
    this.rooms = rooms;
    this.typing = typing;
    this.clock = clock;
  }

  /** Joins {@code room}: the page gets {@code joined}, the room gets {@code presence}. */
  public CompletableFuture<Void> join(Socket socket, ChatMember member, String room) {
    String user = member.username();
    if (member.rooms().size() >= MAX_ROOMS_PER_USER && !member.isIn(room)) {
      return CompletableFuture.failedFuture(
          new ChatRejection(
              "You are in " + MAX_ROOMS_PER_USER + " rooms already; leave one first."));
    }
    return rooms
        .join(room, user)
        .thenCompose(
            snapshot -> {
              if (!socket.connected()) {
                // Gone while the store answered: undo, so no ghost stays in the room.
                return rooms.leave(room, user).thenAccept(users -> presence(room, users));
              }
              member.join(room);
              LOG.debug("{} joined # {}", user, room);
              socket.join(ChatServer.socketRoom(room));
              socket.emit(ChatEvents.JOINED, snapshot);
              presence(room, snapshot.users());
              return roomList();
            });
  }

  /** Leaves {@code room}: the page gets {@code left}, the room gets {@code presence}. */
  public CompletableFuture<Void> leave(Socket socket, ChatMember member, String room) {
    if (!member.isIn(room)) return CompletableFuture.completedFuture(null);
    typing.stop(member, room);
    member.leave(room);
    socket.leave(ChatServer.socketRoom(room));
    socket.emit(ChatEvents.LEFT, new ChatEvents.Left(room));
    return rooms
        .leave(room, member.username())
        .thenCompose(
            users -> {
              presence(room, users);
              return roomList();
            });
  }

  /**
   * Sends the page's {@code msg} ({@code {message, user, room?}}) to everyone in the room, the
   * sender included, as the tutorial does; without a room it goes to the default room.
   */
  public CompletableFuture<Void> send(ChatMember member, ChatEvents.Msg msg) {
    if (msg == null) {
      return CompletableFuture.failedFuture(new ChatRejection("Write a message first."));
    }
    String text = ChatInput.message(msg.message());
    String room = msg.room() == null ? ChatServer.DEFAULT_ROOM : ChatInput.roomName(msg.room());
    if (!member.isIn(room)) {
      return CompletableFuture.failedFuture(new ChatRejection("Join # " + room + " first."));
    }
    typing.stop(member, room);
    ChatMessage message = new ChatMessage(text, member.username(), room, clock.millis());
    return rooms
        .append(message)
        .thenRun(() -> io.to(ChatServer.socketRoom(room)).emit(ChatEvents.NEW_MSG, message));
  }

  /** Takes a disconnected user out of every room they were in, telling each room. */
  public CompletableFuture<Void> leaveAll(ChatMember member) {
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    for (String room : member.rooms()) {
      member.leave(room);
      done =
          done.thenCompose(ignored -> rooms.leave(room, member.username()))
              .thenAccept(users -> presence(room, users));
    }
    return done.thenCompose(ignored -> roomList());
  }

  private void presence(String room, java.util.List<String> users) {
    io.to(ChatServer.socketRoom(room))
        .emit(ChatEvents.PRESENCE, new ChatEvents.Presence(room, users));
  }

  /** Tells everyone which rooms have users. */
  public CompletableFuture<Void> roomList() {
    return rooms.rooms().thenAccept(list -> io.emit(ChatEvents.ROOMS, list));
  }
}
