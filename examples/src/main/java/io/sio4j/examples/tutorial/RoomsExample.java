package io.sio4j.examples.tutorial;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The tutorial's rooms: connecting clients fill {@code room-1}, two per room, then {@code room-2},
 * and so on; on each join the room gets {@code connectToRoom} with {@code "You are in room no. N"}.
 * As in the tutorial, the current room is left for the next one once it holds two clients, and the
 * number never goes back.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar rooms
 * }</pre>
 *
 * <p>Connections arrive on several event loops: the room choice holds a per-server lock.
 */
public final class RoomsExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new RoomsExample(), args);
  }

  /** Clients per room before the next one opens. */
  public static final int ROOM_SIZE = 2;

  @Override
  public String name() {
    return "rooms";
  }

  @Override
  public String summary() {
    return "puts clients two by two in room-1, room-2, ... and greets each room";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    RoomFiller filler = new RoomFiller();
    io.on(
        "connection",
        socket -> {
          int number = filler.enter();
          String room = "room-" + number;
          socket.join(room);
          socket.on("disconnect", (String reason) -> filler.leave(number));
          io.to(room).emit("connectToRoom", "You are in room no. " + number);
        });
  }

  /** Which room the next client goes to. Thread-safe: all methods hold its lock. */
  static final class RoomFiller {
    private int current = 1;
    private final Map<Integer, Integer> occupancy = new HashMap<>();

    synchronized int enter() {
      if (occupancy.getOrDefault(current, 0) >= ROOM_SIZE) current++;
      occupancy.merge(current, 1, Integer::sum);
      return current;
    }

    synchronized void leave(int room) {
      occupancy.computeIfPresent(room, (r, n) -> n > 1 ? n - 1 : null);
    }
  }
}
