package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
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
 * <p>The count is an {@link AtomicInteger}: connections arrive on several event loops.
 */
public final class Welcome {
  /** The payload; Jackson writes a record as a JSON object, {@code {"description":"..."}}. */
  public record Description(String description) {}

  private Welcome() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, Welcome::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "welcome").build();

    AtomicInteger clients = new AtomicInteger();
    io.on(
        "connection",
        socket -> {
          int now = clients.incrementAndGet();
          socket.emit("newclientconnect", new Description("Hey, welcome!"));
          socket.broadcast().emit("newclientconnect", new Description(now + " clients connected!"));
          // A disconnected socket has left its rooms already, so io.emit reaches exactly the
          // others, as the tutorial's socket.broadcast.emit does here.
          socket.on(
              "disconnect",
              (String reason) -> {
                int left = clients.decrementAndGet();
                io.emit("newclientconnect", new Description(left + " clients connected!"));
              });
        });

    return container.serve(io);
  }
}
