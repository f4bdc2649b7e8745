package io.sio4j.examples.tutorial;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tutorial's welcome: the newcomer gets {@code newclientconnect} with {@code
 * {"description":"Hey, welcome!"}}, everyone else gets {@code newclientconnect} with {@code
 * {"description":"N clients connected!"}} on each connect and disconnect.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar welcome
 * }</pre>
 *
 * <p>The count is per installed server, in an {@link AtomicInteger}.
 */
public final class WelcomeExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new WelcomeExample(), args);
  }

  /** What the newcomer gets. */
  public static final Description WELCOME = new Description("Hey, welcome!");

  @Override
  public String name() {
    return "welcome";
  }

  @Override
  public String summary() {
    return "welcomes the newcomer and tells the others 'N clients connected!'";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    AtomicInteger clients = new AtomicInteger();
    io.on(
        "connection",
        socket -> {
          int now = clients.incrementAndGet();
          socket.emit("newclientconnect", WELCOME);
          socket.broadcast().emit("newclientconnect", BroadcastExample.connected(now));
          // A disconnected socket has left every room already, so a plain io.emit reaches exactly
          // the others, which is what the tutorial's socket.broadcast.emit does here.
          socket.on(
              "disconnect",
              (String reason) ->
                  io.emit(
                      "newclientconnect", BroadcastExample.connected(clients.decrementAndGet())));
        });
  }
}
