package io.sio4j.examples.tutorial;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tutorial's broadcast: on every connect and disconnect, everyone gets {@code broadcast} with
 * {@code {"description":"N clients connected!"}}.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar broadcast
 * }</pre>
 *
 * <p>The count is per installed server, in an {@link AtomicInteger}: connections arrive on several
 * event loops.
 */
public final class BroadcastExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new BroadcastExample(), args);
  }

  @Override
  public String name() {
    return "broadcast";
  }

  @Override
  public String summary() {
    return "tells everyone 'N clients connected!' on each connect and disconnect";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    AtomicInteger clients = new AtomicInteger();
    io.on(
        "connection",
        socket -> {
          io.emit("broadcast", connected(clients.incrementAndGet()));
          socket.on(
              "disconnect",
              (String reason) -> io.emit("broadcast", connected(clients.decrementAndGet())));
        });
  }

  static Description connected(int clients) {
    return new Description(clients + " clients connected!");
  }
}
