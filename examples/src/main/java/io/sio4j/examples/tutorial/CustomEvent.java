package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's custom event: four seconds after connecting, each client gets {@code testerEvent}
 * with {@code {"description":"A custom event named testerEvent!"}}.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar custom-event
 * }</pre>
 *
 * <p>The delayed emit runs on the JDK's shared delayed executor; emitting is thread-safe.
 */
public final class CustomEvent {
  /** The tutorial's delay. */
  public static final Duration DELAY = Duration.ofSeconds(4);

  /** The payload; Jackson writes a record as a JSON object, {@code {"description":"..."}}. */
  public record Description(String description) {}

  private CustomEvent() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, CustomEvent::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "custom-event").build();

    io.on(
        "connection",
        socket ->
            CompletableFuture.delayedExecutor(DELAY.toMillis(), TimeUnit.MILLISECONDS)
                .execute(
                    () -> {
                      if (socket.connected()) {
                        socket.emit(
                            "testerEvent", new Description("A custom event named testerEvent!"));
                      }
                    }));

    return container.serve(io);
  }
}
