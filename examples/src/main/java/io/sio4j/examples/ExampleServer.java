package io.sio4j.examples;

import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a {@link TutorialExample}: a Socket.IO server on the given address that serves the
 * example's page at {@code /} (and the official browser client at {@code /socket.io/socket.io.js}),
 * with the example's handlers installed before the first connection.
 *
 * <pre>{@code
 * SocketIoServer io = ExampleServer.start(new ChatExample(), "0.0.0.0", 3000, System.out);
 * System.out.println("listening on " + io.address());
 * }</pre>
 *
 * <p>Stateless, so thread-safe.
 */
public final class ExampleServer {
  private ExampleServer() {}

  /**
   * Builds, installs and starts; port 0 picks a free port (see {@link SocketIoServer#address()}).
   */
  public static SocketIoServer start(
      TutorialExample example, String host, int port, PrintStream console) {
    SocketIoServer io =
        SocketIoServer.builder()
            .host(host)
            .port(port)
            .httpHandler(new ExamplePages(example.page()))
            .build();
    example.install(io, console);
    return io.start();
  }

  /**
   * Runs an example from the command line ({@code [--port N] [--host H] [--help]}) until the
   * process is stopped: applies the {@link DebugSwitch}, starts, prints the address.
   */
  public static void run(TutorialExample example, String[] args) throws InterruptedException {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(help(example));
      return;
    }
    Set<String> debug = DebugSwitch.apply(DebugSwitch.fromEnvironment());
    if (!debug.isEmpty()) System.err.println("debug logging on for " + debug);
    SocketIoServer io = start(example, Main.host(args), Main.port(args), System.out);
    System.err.println(
        example.name()
            + " listening on http://"
            + io.address().getHostString()
            + ":"
            + io.address().getPort()
            + "/");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  io.close();
                  stopped.countDown();
                },
                "sio4j-example-shutdown"));
    stopped.await();
  }

  /** What {@code <example> --help} prints. */
  public static String help(TutorialExample example) {
    return "usage: java -jar sio4j-examples.jar "
        + example.name()
        + " [--port N] [--host H]\n  "
        + example.summary()
        + "\n  serves its page at / and the browser client at /socket.io/socket.io.js"
        + " (port "
        + Main.DEFAULT_PORT
        + ", host 127.0.0.1 by default)\n\n"
        + DebugSwitch.help();
  }
}
