package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
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
 * <p>The handler runs on the socket's event loop and only prints.
 */
public final class ClientEvent {
  private ClientEvent() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, ClientEvent::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "client-event").build();

    io.on("connection", socket -> socket.on("clientEvent", (String data) -> console.println(data)));

    return container.serve(io);
  }
}
