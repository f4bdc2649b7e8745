package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/**
 * The tutorial's hello world: a page at {@code /}, and the server prints {@code A user connected}
 * and {@code A user disconnected}.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar hello     # then open http://localhost:3000/
 * }</pre>
 *
 * <p>The handlers run on the sockets' event loops and only print.
 */
public final class HelloWorld {
  private HelloWorld() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, HelloWorld::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "hello").build(); // index.html at /

    io.on(
        "connection",
        socket -> {
          console.println("A user connected");
          socket.on("disconnect", (String reason) -> console.println("A user disconnected"));
        });

    return container.serve(io);
  }
}
