package io.sio4j.examples.springchat;

import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.spring.boot.OnConnect;
import io.sio4j.spring.boot.OnDisconnect;
import io.sio4j.spring.boot.OnEvent;
import io.sio4j.spring.boot.SocketIoController;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The chat's events as annotated handlers: the tutorial's flow ({@code setUsername} → {@code
 * userExists} or {@code userSet}, {@code msg} → {@code newmsg} to the room) with rooms, presence,
 * history and typing, as the {@code chat} example's page expects them. Invalid payloads never reach
 * these methods: Bean Validation refuses them and the page gets a {@code chatError} ({@code
 * sio4j.error-event}).
 *
 * <p>Thread-safe: the state is in {@link ChatRooms} and each socket's {@code data()}.
 */
@SocketIoController
public class ChatController {
  /** The room every user starts in. */
  public static final String DEFAULT_ROOM = "general";

  private static final String USERNAME = "username";

  private final ChatRooms rooms;
  private final Clock clock;

  /** The chat over its rooms. */
  public ChatController(ChatRooms rooms) {
    this.rooms = rooms;
    this.clock = Clock.systemUTC();
  }

  private static String socketRoom(String room) {
    return "chat:" + room;
  }

  /** As in the tutorial, a page hears the default room before it has a name. */
  @OnConnect
  public void connect(Socket socket) {
    socket.join(socketRoom(DEFAULT_ROOM));
  }

  /**
   * Claims a name; the page gets {@code userSet} and joins the default room, or {@code userExists}.
   */
  @OnEvent("setUsername")
  public void setUsername(Socket socket, String name, String token) {
    String wanted = name == null ? "" : name.strip();
    if (wanted.isEmpty() || wanted.length() > 32) {
      socket.emit("chatError", Map.of("message", "Pick a username."));
      return;
    }
    if (!rooms.claim(wanted, socket.id())) {
      socket.emit("userExists", wanted + " username is taken! Try some other username.");
      return;
    }
    socket.data().put(USERNAME, wanted);
    String newToken = token != null ? token : UUID.randomUUID().toString();
    socket.emit("userSet", Map.of("username", wanted, "token", newToken, "room", DEFAULT_ROOM));
    join(socket, DEFAULT_ROOM);
  }

  /** Joins a room: the page gets {@code joined} with its history, the room {@code presence}. */
  @OnEvent("joinRoom")
  public void joinRoom(Socket socket, String room) {
    if (named(socket) == null) return;
    if (room == null || !room.matches("[\\w-]{1,32}")) {
      socket.emit("chatError", Map.of("message", "Name a room."));
      return;
    }
    join(socket, room);
  }

  /** Leaves a room. */
  @OnEvent("leaveRoom")
  public void leaveRoom(Socket socket, SocketIoServer io, String room) {
    String user = named(socket);
    if (user == null || room == null) return;
    socket.leave(socketRoom(room));
    List<String> users = rooms.leave(room, user);
    socket.emit("left", Map.of("room", room));
    io.to(socketRoom(room)).emit("presence", Map.of("room", room, "users", users));
    io.emit("rooms", rooms.rooms());
  }

  /** A message to a room ({@code newmsg}); validated first. */
  @OnEvent("msg")
  public void msg(Socket socket, SocketIoServer io, @Valid Msg msg) {
    String user = named(socket);
    if (user == null) return;
    String room = msg.room() == null ? DEFAULT_ROOM : msg.room();
    if (!rooms.users(room).contains(user)) {
      socket.emit("chatError", Map.of("message", "Join " + room + " first."));
      return;
    }
    ChatMessage message =
        new ChatMessage(msg.message(), user, room, clock.millis(), clock.instant());
    rooms.record(message);
    io.to(socketRoom(room)).emit("newmsg", message);
  }

  /** Someone typing in a room, relayed to the room's others. */
  @OnEvent("typing")
  public void typing(Socket socket, String room, boolean on) {
    String user = named(socket);
    if (user == null || room == null) return;
    socket.to(socketRoom(room)).emit("typing", Map.of("room", room, "user", user, "typing", on));
  }

  /** Who is in a room, answered through the acknowledgement (the return value). */
  @OnEvent("roomInfo")
  public RoomInfo roomInfo(@Valid RoomQuery query) {
    String room = query.roomName();
    return new RoomInfo(room, rooms.users(room), rooms.history(room).size(), clock.instant());
  }

  /** Frees the name and tells the rooms. */
  @OnDisconnect
  public void disconnect(Socket socket, SocketIoServer io, String reason) {
    String user = (String) socket.data().get(USERNAME);
    if (user == null) return;
    for (String room : rooms.release(user, socket.id())) {
      io.to(socketRoom(room)).emit("presence", Map.of("room", room, "users", rooms.users(room)));
    }
    io.emit("rooms", rooms.rooms());
  }

  private void join(Socket socket, String room) {
    String user = named(socket);
    socket.join(socketRoom(room));
    List<String> users = rooms.join(room, user);
    socket.emit("joined", Map.of("room", room, "history", rooms.history(room), "users", users));
    socket.server().to(socketRoom(room)).emit("presence", Map.of("room", room, "users", users));
    socket.server().emit("rooms", rooms.rooms());
  }

  private static String named(Socket socket) {
    String user = (String) socket.data().get(USERNAME);
    if (user == null) socket.emit("chatError", Map.of("message", "Pick a username first."));
    return user;
  }
}
