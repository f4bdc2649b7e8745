package io.sio4j.examples.tutorial;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/**
 * The tutorial's hello world: prints {@code A user connected} and {@code A user disconnected}.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar hello
 * }</pre>
 *
 * <p>Immutable; the handlers run on the sockets' event loops and only print.
 */
public final class HelloExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new HelloExample(), args);
  }

  @Override
  public String name() {
    return "hello";
  }

  @Override
  public String summary() {
    return "prints 'A user connected' / 'A user disconnected'";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    io.on(
        "connection",
        socket -> {
          console.println("A user connected");
          socket.on("disconnect", (String reason) -> console.println("A user disconnected"));
        });
  }
}
