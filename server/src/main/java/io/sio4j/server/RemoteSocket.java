package io.sio4j.server;

import java.util.Map;
import java.util.Set;

/**
 * A view of a socket returned by {@code fetchSockets()}: local or on another server node. The
 * actions go through the adapter when the socket is remote.
 *
 * <pre>{@code
 * io.in("room1").fetchSockets().thenAccept(sockets -> {
 *   for (RemoteSocket s : sockets) s.emit("hello", s.data().get("name"));
 * });
 * }</pre>
 *
 * <p>Thread-safe. The {@link #rooms()} and {@link #data()} of a view are a snapshot.
 */
public interface RemoteSocket {

  /** The socket id. */
  String id();

  /** The handshake details. */
  Handshake handshake();

  /** The rooms the socket was in when fetched. */
  Set<String> rooms();

  /** The socket's data when fetched. */
  Map<String, Object> data();

  /** Sends an event to this socket. */
  void emit(String event, Object... args);

  /** Makes the socket join rooms. */
  void join(String... rooms);

  /** Makes the socket leave a room. */
  void leave(String room);

  /** Disconnects the socket; {@code close} also closes its connection. */
  void disconnect(boolean close);

  /** The view of a local socket. */
  static RemoteSocket of(Socket socket) {
    Set<String> rooms = Set.copyOf(socket.rooms());
    Map<String, Object> data = Map.copyOf(socket.dataOrEmpty());
    return new RemoteSocket() {
      @Override
      public String id() {
        return socket.id();
      }

      @Override
      public Handshake handshake() {
        return socket.handshake();
      }

      @Override
      public Set<String> rooms() {
        return rooms;
      }

      @Override
      public Map<String, Object> data() {
        return data;
      }

      @Override
      public void emit(String event, Object... args) {
        socket.emit(event, args);
      }

      @Override
      public void join(String... rooms) {
        socket.join(rooms);
      }

      @Override
      public void leave(String room) {
        socket.leave(room);
      }

      @Override
      public void disconnect(boolean close) {
        socket.disconnect(close);
      }

      @Override
      public String toString() {
        return "RemoteSocket[" + socket.id() + "]";
      }
    };
  }
}
