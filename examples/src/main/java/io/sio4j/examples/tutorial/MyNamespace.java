package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
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
 * <p>The handler runs on the socket's event loop.
 */
public final class MyNamespace {
  private MyNamespace() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, MyNamespace::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "namespace").build();

    Namespace nsp = io.of("/my-namespace");
    nsp.on(
        "connection",
        socket -> {
          console.println("someone connected");
          nsp.emit("hi", "Hello everyone!");
        });

    return container.serve(io);
  }
}
