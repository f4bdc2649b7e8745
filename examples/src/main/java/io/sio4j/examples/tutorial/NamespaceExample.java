package io.sio4j.examples.tutorial;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.Namespace;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/**
 * The tutorial's namespace: each connection to {@code /my-namespace} makes the server emit {@code
 * hi} with {@code "Hello everyone!"} to the whole namespace (and print {@code someone connected}).
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar namespace
 * }</pre>
 *
 * <p>Immutable; the handler runs on the socket's event loop.
 */
public final class NamespaceExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new NamespaceExample(), args);
  }

  /** The namespace the page connects to. */
  public static final String NAMESPACE = "/my-namespace";

  @Override
  public String name() {
    return "namespace";
  }

  @Override
  public String summary() {
    return "says 'Hello everyone!' to /my-namespace on each connection there";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    Namespace nsp = io.of(NAMESPACE);
    nsp.on(
        "connection",
        socket -> {
          console.println("someone connected");
          nsp.emit("hi", "Hello everyone!");
        });
  }
}
