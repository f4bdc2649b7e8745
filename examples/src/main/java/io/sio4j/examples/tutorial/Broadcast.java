package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
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
 * <p>The count is an {@link AtomicInteger}: connections arrive on several event loops.
 */
public final class Broadcast {
  /** The payload; Jackson writes a record as a JSON object, {@code {"description":"..."}}. */
  public record Description(String description) {}

  private Broadcast() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, Broadcast::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "broadcast").build();

    AtomicInteger clients = new AtomicInteger();
    io.on(
        "connection",
        socket -> {
          int now = clients.incrementAndGet();
          io.emit("broadcast", new Description(now + " clients connected!"));
          socket.on(
              "disconnect",
              (String reason) -> {
                int left = clients.decrementAndGet();
                io.emit("broadcast", new Description(left + " clients connected!"));
              });
        });

    return container.serve(io);
  }
}
