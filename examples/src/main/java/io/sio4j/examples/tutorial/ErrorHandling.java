package io.sio4j.examples.tutorial;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
import io.sio4j.server.ConnectError;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.util.Map;

/**
 * The tutorial's error handling, live: the page shows every {@code connect_error}, disconnect and
 * reconnection attempt. The server gives it something to show: a middleware refuses a handshake
 * whose {@code auth.token} is present and not {@code letmein} ({@code connect_error} "invalid
 * token" with data), and the event {@code kickMe} makes the server disconnect that socket ({@code
 * io server disconnect}, after which the client does not reconnect by itself).
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar errors
 * }</pre>
 *
 * <p>The middleware and handlers run on the sockets' event loops.
 */
public final class ErrorHandling {
  /** The token the page sends. */
  public static final String TOKEN = "letmein";

  private ErrorHandling() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    Chapter.run(args, ErrorHandling::start);
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
    SocketIoServer io = Chapter.server(host, port, tls, "errors").build();

    io.use(
        (socket, next) -> {
          JsonNode token = socket.handshake().auth().get("token");
          if (token == null || TOKEN.equals(token.asText())) {
            next.proceed();
          } else {
            console.println("refused a connection: invalid token");
            next.fail(new ConnectError("invalid token", Map.of("hint", "the token is " + TOKEN)));
          }
        });

    io.on(
        "connection",
        socket -> {
          console.println("connected: " + socket.id());
          socket.on("kickMe", () -> socket.disconnect(true));
          socket.on(
              "disconnect",
              (String reason) ->
                  console.println("disconnected: " + socket.id() + " (" + reason + ")"));
        });

    return container.serve(io);
  }
}
