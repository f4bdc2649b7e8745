package io.sio4j.examples;

import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/**
 * One chapter of the tutorial as a runnable example: it installs its handlers on a server that
 * {@link ExampleServer} built with the example's page at {@code /}.
 *
 * <pre>{@code
 * TutorialExample hello = new HelloExample();
 * try (SocketIoServer io = ExampleServer.start(hello, "127.0.0.1", 3000, System.out)) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Implementations are immutable; {@link #install} may be called for several servers.
 */
public interface TutorialExample {

  /** The name that selects the example on the command line, e.g. {@code hello}. */
  String name();

  /** One line for {@code --help}. */
  String summary();

  /**
   * The folder of the example's page under {@code io/sio4j/examples/pages/} (by default its name).
   */
  default String page() {
    return name();
  }

  /**
   * Installs the example's handlers on a server that is not started yet. {@code console} is where
   * the tutorial's {@code console.log} lines go (standard output when run from the jar).
   */
  void install(SocketIoServer io, PrintStream console);
}
