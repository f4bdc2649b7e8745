package io.sio4j.examples.tutorial;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/**
 * The tutorial's event from the client: the page emits {@code clientEvent} with {@code "Sent an
 * event from the client!"} and the server prints what it got.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar client-event
 * }</pre>
 *
 * <p>Immutable; the handler runs on the socket's event loop and only prints.
 */
public final class ClientEventExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new ClientEventExample(), args);
  }

  @Override
  public String name() {
    return "client-event";
  }

  @Override
  public String summary() {
    return "prints the 'clientEvent' that the page emits";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    io.on("connection", socket -> socket.on("clientEvent", (String data) -> console.println(data)));
  }
}
