package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The tutorial's rooms: connecting clients fill {@code room-1}, two per room, then {@code room-2},
 * and so on; on each join the room gets {@code connectToRoom} with {@code "You are in room no. N"}.
 * As in the tutorial, the next room opens once the current one holds two clients, and the number
 * never goes back.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar rooms
 * }</pre>
 *
 * <p>Connections arrive on several event loops, so the room choice holds a lock.
 */
public final class Rooms {
  private Rooms() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, Rooms::start);
  }

  /** Starts the app over plain http; what the tutorial logs goes to {@code console}. */
  public static SocketIoServer start(String host, int port, PrintStream console) {
    return start(Container.NETTY, host, port, null, console);
  }

  /**
   * Starts the app (https and wss when {@code tls} is set); what the tutorial logs goes to {@code
   * console}.
   */
  public static SocketIoServer start(String host, int port, TlsOptions tls, PrintStream console) {
    return start(Container.NETTY, host, port, tls, console);
  }

  /** The same on {@code container} ({@code --container netty|jetty|tomcat}). */
  public static SocketIoServer start(
      Container container, String host, int port, TlsOptions tls, PrintStream console) {
    SocketIoServer io = Chapter.server(host, port, tls, "rooms").build();

    RoomFiller filler = new RoomFiller(2);
    io.on(
        "connection",
        socket -> {
          int roomno = filler.enter();
          socket.join("room-" + roomno);
          socket.on("disconnect", (String reason) -> filler.leave(roomno));
          io.to("room-" + roomno).emit("connectToRoom", "You are in room no. " + roomno);
        });

    return container.serve(io);
  }

  /** Which room the next client goes to. Thread-safe: every method holds its lock. */
  static final class RoomFiller {
    private final int size;
    private final Map<Integer, Integer> occupancy = new HashMap<>();
    private int current = 1;

    RoomFiller(int size) {
      this.size = size;
    }

    synchronized int enter() {
      if (occupancy.getOrDefault(current, 0) >= size) current++;
      occupancy.merge(current, 1, Integer::sum);
      return current;
    }

    synchronized void leave(int room) {
      occupancy.computeIfPresent(room, (r, n) -> n > 1 ? n - 1 : null);
    }
  }
}
