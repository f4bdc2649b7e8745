package io.sio4j.examples.socketio;

import io.sio4j.examples.Args;
import io.sio4j.examples.Container;
import io.sio4j.examples.Main;
import io.sio4j.server.Namespace;
import io.sio4j.server.ServerBuilder;
import io.sio4j.server.SocketIoServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The fixture of the official Socket.IO v5 test suite (docs/socket.io-protocol/v5-test-suite):
 * pingInterval 300 ms, pingTimeout 200 ms, connectTimeout 1000 ms; on {@code /} and {@code /custom}
 * every socket first gets {@code auth} with its CONNECT payload, {@code message} is echoed as
 * {@code message-back} and {@code message-with-ack} is acknowledged with its own arguments.
 * Connection state recovery stays off (the suite checks the CONNECT reply exactly).
 *
 * <pre>
 * java -jar examples/target/sio4j-examples.jar conformance --port 3000
 * </pre>
 */
public final class Conformance {
  private Conformance() {}

  /** The builder with the options the suite expects (host and port still to set). */
  public static ServerBuilder builder() {
    return SocketIoServer.builder()
        .pingInterval(Duration.ofMillis(300))
        .pingTimeout(Duration.ofMillis(200))
        .connectTimeout(Duration.ofMillis(1000))
        .serveClient(false);
  }

  /** Adds the suite's handlers to a server. */
  public static SocketIoServer configure(SocketIoServer io) {
    fixture(io.sockets());
    fixture(io.of("/custom"));
    return io;
  }

  private static void fixture(Namespace nsp) {
    nsp.on(
        "connection",
        socket -> {
          socket.emit("auth", socket.handshake().auth());
          socket.onRaw("message", (args, ack) -> socket.emit("message-back", args.toArray()));
          socket.onRaw("message-with-ack", (args, ack) -> ack.send(args.toArray()));
        });
  }

  /** Starts the server and runs until the process is stopped. */
  public static void main(String[] args) throws Exception {
    SocketIoServer io =
        Container.of(args)
            .serve(
                configure(
                    builder()
                        .host(Main.host(args))
                        .port(Main.port(args))
                        .tls(Args.tls(args))
                        .allowEIO3(Args.allowEIO3(args))
                        .build()));
    InetSocketAddress a = io.address();
    System.out.println(
        "conformance listening on "
            + (Args.tls(args) == null ? "http" : "https")
            + "://"
            + a.getHostString()
            + ":"
            + a.getPort()
            + "/socket.io/");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  io.close();
                  stopped.countDown();
                }));
    stopped.await();
  }
}
