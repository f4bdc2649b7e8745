package io.sio4j.interop.examples;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Container;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/** An example started in-process on 127.0.0.1 and an ephemeral port, with its console captured. */
final class RunningExample implements AutoCloseable {
  /** An example's {@code start(host, port, console)}, e.g. {@code HelloWorld::start}. */
  @FunctionalInterface
  interface App {
    SocketIoServer start(String host, int port, PrintStream console);
  }

  /**
   * An example's {@code start(container, host, port, tls, console)}, e.g. {@code ChatApp::start}.
   */
  @FunctionalInterface
  interface ContainerApp {
    SocketIoServer start(
        Container container, String host, int port, TlsOptions tls, PrintStream console);
  }

  final ConsoleLines console = new ConsoleLines();
  final SocketIoServer io;
  final int port;

  RunningExample(App app) {
    this.io = app.start("127.0.0.1", 0, console.stream());
    this.port = io.address().getPort();
  }

  RunningExample(Container container, ContainerApp app) {
    this.io = app.start(container, "127.0.0.1", 0, null, console.stream());
    this.port = io.address().getPort();
  }

  NodeClients clients() {
    return new NodeClients(port);
  }

  @Override
  public void close() {
    io.close();
  }
}
