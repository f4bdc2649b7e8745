package io.sio4j.examples.engine;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Args;
import io.sio4j.examples.Container;
import io.sio4j.examples.Main;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The fixture of the official Engine.IO v4 test suite (docs/engine.io-protocol/v4-test-suite): a
 * raw Engine.IO server at {@code /engine.io/} with pingInterval 300 ms, pingTimeout 200 ms and
 * maxPayload 1 000 000 that echoes every text and binary message.
 *
 * <pre>
 * java -jar examples/target/sio4j-examples.jar engine-conformance --port 3000 [--container jetty]
 * </pre>
 *
 * <p>With {@code --allow-eio3} it also serves the official Engine.IO v3 suite
 * (docs/engine.io-protocol/v3-test-suite) on the same port.
 */
public final class EngineConformance {
  private EngineConformance() {}

  /** The options the suite expects. */
  public static EngineOptions options() {
    return EngineOptions.builder()
        .path("/engine.io/")
        .pingInterval(Duration.ofMillis(300))
        .pingTimeout(Duration.ofMillis(200))
        .maxHttpBufferSize(1_000_000)
        .build();
  }

  /** Creates the echo server (not yet listening). */
  public static EngineServer create() {
    return create(options());
  }

  /** Creates the echo server with these options (not yet listening). */
  public static EngineServer create(EngineOptions options) {
    EngineServer server = EngineServer.create(options);
    echo(server);
    return server;
  }

  /** Makes {@code server} echo every message (on any container). */
  public static void echo(EngineServer server) {
    server.onConnection(
        socket ->
            socket.setListener(
                new EngineSocket.Listener() {
                  @Override
                  public void onText(String text) {
                    socket.send(text);
                  }

                  @Override
                  public void onBinary(byte[] data) {
                    socket.send(data);
                  }

                  @Override
                  public void onClose(String reason, String description) {}
                }));
  }

  /** Starts the server and runs until the process is stopped. */
  public static void main(String[] args) throws Exception {
    TlsOptions tls = Args.tls(args);
    Container container = Container.of(args);
    EngineServer server =
        container.serveEngine(
            options().toBuilder().tls(tls).allowEIO3(Args.allowEIO3(args)).build(),
            EngineConformance::echo,
            Main.host(args),
            Main.port(args));
    System.out.println(
        "engine-conformance listening on "
            + (tls == null ? "http" : "https")
            + "://"
            + hostPort(server.hostAddress())
            + "/engine.io/ ("
            + container.label()
            + ")");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  private static String hostPort(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }
}
