package io.sio4j.examples.tutorial;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Args;
import io.sio4j.examples.Container;
import io.sio4j.examples.ExamplePages;
import io.sio4j.server.ServerBuilder;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;

/**
 * What every tutorial chapter shares and is not the lesson: running from the command line, and a
 * server on a host, port and optional TLS that serves the chapter's page. Each chapter keeps its
 * own {@code start} with the code the tutorial teaches.
 */
final class Chapter {
  /** A chapter's {@code start(container, host, port, tls, console)}. */
  @FunctionalInterface
  interface App {
    SocketIoServer start(
        Container container, String host, int port, TlsOptions tls, PrintStream console);
  }

  private Chapter() {}

  /**
   * Starts {@code app} with the command line's {@code [--container C] [--port N] [--host H]
   * [--tls-cert FILE --tls-key FILE]} and prints where it listens.
   */
  static void run(String[] args, App app) {
    SocketIoServer io =
        app.start(Container.of(args), Args.host(args), Args.port(args), Args.tls(args), System.out);
    System.out.println("listening on " + Args.url(args, io.address().getPort()) + "/");
  }

  /**
   * A server builder on {@code host} and {@code port}, https and wss when {@code tls} is set (null:
   * plain http), serving the chapter's {@code page} folder at {@code /}.
   */
  static ServerBuilder server(String host, int port, TlsOptions tls, String page) {
    return SocketIoServer.builder()
        .host(host)
        .port(port)
        .tls(tls)
        .httpHandler(new ExamplePages(page));
  }
}
