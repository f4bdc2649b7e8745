package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's {@code socket.send}: four seconds after connecting, each client gets the message
 * {@code Sent a message 4seconds after connection!}.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar message
 * }</pre>
 *
 * <p>The delayed send runs on the JDK's shared delayed executor (the tutorial's {@code
 * setTimeout}); sending is thread-safe.
 */
public final class SendMessage {
  /** The tutorial's text (its "4seconds" included). */
  public static final String TEXT = "Sent a message 4seconds after connection!";

  /** The tutorial's delay. */
  public static final Duration DELAY = Duration.ofSeconds(4);

  private SendMessage() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, SendMessage::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "message").build();

    io.on(
        "connection",
        socket ->
            CompletableFuture.delayedExecutor(DELAY.toMillis(), TimeUnit.MILLISECONDS)
                .execute(
                    () -> {
                      if (socket.connected()) socket.send(TEXT);
                    }));

    return container.serve(io);
  }
}
