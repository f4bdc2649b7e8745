package io.sio4j.examples.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.server.Middleware;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketEvent;
import io.sio4j.server.SocketIoServer;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat's event handling on a {@link SocketIoServer}: the tutorial's flow ({@code setUsername} →
 * {@code userExists} or {@code userSet}, {@code msg} → {@code newmsg} to the sender's room), done
 * right (the name check is not inverted, names are freed when their owner leaves, every value is
 * checked by {@link ChatInput}), plus rooms, presence, history, typing and reconnection that keeps
 * the user (see {@link ChatEvents} for the contract).
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder().port(3000).build();
 * new ChatServer(io, new InMemoryUserRegistry(), new InMemoryRoomStore(50, 1000)).install();
 * io.start();
 * }</pre>
 *
 * <p>Every piece of shared state is in the {@link UserRegistry} and the {@link RoomStore}, so the
 * same handlers run unchanged on several nodes once both are shared (and the adapter is a cluster
 * one). Thread-safe: handlers run on each socket's event loop, store futures may complete on any
 * thread, and everything they touch is thread-safe.
 */
public final class ChatServer {
  /** The room every user starts in. */
  public static final String DEFAULT_ROOM = "general";

  private static final Logger LOG = LoggerFactory.getLogger("io.sio4j.examples.chat");

  private final SocketIoServer io;
  private final Clock clock;
  private final UserRegistry users;
  private final TypingRelay typing;
  private final RoomActions rooms;

  /** A chat over these stores, stamping messages with the system clock. */
  public ChatServer(SocketIoServer io, UserRegistry users, RoomStore rooms) {
    this(io, users, rooms, Clock.systemUTC());
  }

  /** A chat over these stores, stamping messages with {@code clock}. */
  public ChatServer(SocketIoServer io, UserRegistry users, RoomStore rooms, Clock clock) {
    this.io = io;
    this.clock = clock;
    this.users = users;
    this.typing = new TypingRelay(io);
    this.rooms = new RoomActions(io, rooms, typing, clock);
  }

  /**
   * The Socket.IO room that carries a chat room. Prefixed, so a chat room can never be named like a
   * socket id (every socket is alone in a room named by its id).
   */
  public static String socketRoom(String chatRoom) {
    return "chat:" + chatRoom;
  }

  /** Installs the handlers; call before the server starts. */
  public ChatServer install() {
    io.on("connection", this::onConnection);
    return this;
  }

  private void onConnection(Socket socket) {
    ChatMember member = new ChatMember();
    // As in the tutorial, a page receives the default room's messages before it has a name.
    socket.join(socketRoom(DEFAULT_ROOM));
    // Arguments of the wrong JSON type never reach the typed listeners below: this middleware
    // refuses them with a chatError, which the error listener sends to the page.
    socket.use(ChatServer::checkShape);
    socket.onError(error -> reject(socket, error));
    socket.on(
        ChatEvents.SET_USERNAME,
        (String name, String token) ->
            guard(socket, () -> setUsername(socket, member, name, token)));
    socket.on(
        ChatEvents.JOIN_ROOM,
        (String room) ->
            guard(
                socket,
                () -> rooms.join(socket, limited(named(member)), ChatInput.roomName(room))));
    socket.on(
        ChatEvents.LEAVE_ROOM,
        (String room) ->
            guard(
                socket,
                () -> rooms.leave(socket, limited(named(member)), ChatInput.roomName(room))));
    socket.on(
        ChatEvents.MSG,
        (ChatEvents.Msg msg) -> guard(socket, () -> rooms.send(limited(named(member)), msg)));
    socket.on(
        ChatEvents.TYPING,
        (String room, Boolean on) -> {
          if (member.allowRequest(clock.millis())) {
            typing.onTyping(socket, member, room, Boolean.TRUE.equals(on));
          }
        });
    socket.on("disconnect", (String reason) -> onDisconnect(socket, member));
  }

  /**
   * Refuses an event whose arguments have the wrong JSON type (a number for a name, a string for a
   * message), with the text the page shows; everything else goes on to the listeners.
   */
  private static void checkShape(SocketEvent event, Middleware.Next next) {
    JsonNode first = event.get(0);
    String refusal =
        switch (event.name()) {
          case ChatEvents.SET_USERNAME -> first.isTextual() ? null : "Pick a username.";
          case ChatEvents.JOIN_ROOM, ChatEvents.LEAVE_ROOM ->
              first.isTextual() ? null : "Name a room.";
          case ChatEvents.MSG -> {
            if (!first.isObject() || !first.path("message").isTextual()) {
              yield "Write a message first.";
            }
            JsonNode room = first.path("room");
            yield room.isMissingNode() || room.isNull() || room.isTextual() ? null : "Name a room.";
          }
          default -> null;
        };
    if (refusal == null) next.proceed();
    else next.fail(new ChatRejection(refusal));
  }

  private CompletableFuture<Void> setUsername(
      Socket socket, ChatMember member, String rawName, String token) {
    String name = ChatInput.username(rawName);
    String current = member.username();
    if (current != null) {
      if (current.equalsIgnoreCase(name)) return CompletableFuture.completedFuture(null);
      throw new ChatRejection("You are " + current + " already.");
    }
    return users
        .claim(name, token, socket.id())
        .thenCompose(
            claim -> {
              if (!claim.granted()) {
                socket.emit(
                    ChatEvents.USER_EXISTS, name + " username is taken! Try some other username.");
                return CompletableFuture.completedFuture(null);
              }
              if (!socket.connected()) {
                return users.release(name, socket.id()).thenApply(released -> null);
              }
              if (claim.previousSocketId() != null) {
                // The same user came back on a new connection before the old one was noticed gone.
                io.in(claim.previousSocketId()).disconnectSockets(true);
              }
              member.username(name);
              LOG.debug(
                  "{} is {}{}",
                  socket.id(),
                  name,
                  claim.previousSocketId() == null ? "" : " again");
              socket.emit(
                  ChatEvents.USER_SET, new ChatEvents.UserSet(name, claim.token(), DEFAULT_ROOM));
              return rooms.join(socket, member, DEFAULT_ROOM);
            });
  }

  private void onDisconnect(Socket socket, ChatMember member) {
    String name = member.username();
    if (name == null) return;
    LOG.debug("{} ({}) left", name, socket.id());
    typing.stopEverywhere(member);
    users
        .release(name, socket.id())
        .thenCompose(
            released ->
                released
                    ? rooms.leaveAll(member)
                    // Taken over by the same user's new connection: it is still in its rooms.
                    : CompletableFuture.<Void>completedFuture(null))
        .whenComplete(
            (ok, error) -> {
              if (error != null)
                LOG.warn("cleaning up after {} ({}) failed", name, socket.id(), error);
            });
  }

  /** The member, once it has a name; before that, requests other than setUsername are refused. */
  private static ChatMember named(ChatMember member) {
    if (member.username() == null) throw new ChatRejection("Pick a username first.");
    return member;
  }

  /** The member, if it is within its rate limit; a flooding page is told to slow down. */
  private ChatMember limited(ChatMember member) {
    if (!member.allowRequest(clock.millis())) {
      throw new ChatRejection("You are going too fast; wait a few seconds.");
    }
    return member;
  }

  /**
   * Runs a request; a {@link ChatRejection} (thrown or completed) reaches the page as chatError.
   */
  private static void guard(Socket socket, Supplier<CompletableFuture<Void>> request) {
    CompletableFuture<Void> done;
    try {
      done = request.get();
    } catch (RuntimeException e) {
      done = CompletableFuture.failedFuture(e);
    }
    done.whenComplete(
        (ok, error) -> {
          if (error != null) reject(socket, error);
        });
  }

  /** Tells the page why its request failed: a {@link ChatRejection}'s text, or a generic one. */
  private static void reject(Socket socket, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof ChatRejection rejection) {
      socket.emit(ChatEvents.CHAT_ERROR, new ChatEvents.ChatError(rejection.getMessage()));
    } else {
      LOG.warn("chat request from {} failed", socket.id(), cause);
      socket.emit(
          ChatEvents.CHAT_ERROR, new ChatEvents.ChatError("Something went wrong; try again."));
    }
  }
}
