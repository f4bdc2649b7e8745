package io.sio4j.examples.chat;

import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Args;
import io.sio4j.examples.Container;
import io.sio4j.examples.ExamplePages;
import io.sio4j.server.ServerBuilder;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.AdapterFactory;
import java.io.PrintStream;

/**
 * The tutorial's chat application: {@link ChatServer} over in-memory stores (50 messages of history
 * per room, at most 1000 rooms), with its page at {@code /}. {@link ChatClient} talks to it from a
 * console.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar chat --port 3000
 * }</pre>
 *
 * <p>Each {@link #start} gets fresh stores.
 */
public final class ChatApp {
  /** Messages of history kept per room. */
  public static final int HISTORY = 50;

  /** Rooms remembered at most. */
  public static final int MAX_ROOMS = 1000;

  private ChatApp() {}

  /**
   * Runs until the process is stopped: {@code [--port N] [--host H] [--tls-cert FILE --tls-key
   * FILE]}.
   */
  public static void main(String[] args) {
    SocketIoServer io =
        start(
            Container.of(args),
            Args.host(args),
            Args.port(args),
            Args.tls(args),
            System.out,
            Args.adapter(args));
    System.out.println("chat listening on " + Args.url(args, io.address().getPort()) + "/");
  }

  /** Starts the app over plain http; what the tutorial logs goes to {@code console}. */
  public static SocketIoServer start(String host, int port, PrintStream console) {
    return start(Container.NETTY, host, port, null, console, null);
  }

  /** Starts the chat with TLS ({@code null}: plain http); it logs through SLF4J. */
  public static SocketIoServer start(String host, int port, TlsOptions tls, PrintStream console) {
    return start(Container.NETTY, host, port, tls, console, null);
  }

  /** Same, on a cluster adapter ({@code null}: the in-memory one). */
  public static SocketIoServer start(
      String host, int port, TlsOptions tls, PrintStream console, AdapterFactory adapter) {
    return start(Container.NETTY, host, port, tls, console, adapter);
  }

  /** The same on {@code container} ({@code --container netty|jetty|tomcat}). */
  public static SocketIoServer start(
      Container container,
      String host,
      int port,
      TlsOptions tls,
      PrintStream console,
      AdapterFactory adapter) {
    ServerBuilder builder =
        SocketIoServer.builder()
            .host(host)
            .port(port)
            .tls(tls) // null: plain http
            .httpHandler(new ExamplePages("chat"));
    if (adapter != null) builder.adapter(adapter);
    SocketIoServer io = builder.build();
    new ChatServer(io, new InMemoryUserRegistry(), new InMemoryRoomStore(HISTORY, MAX_ROOMS))
        .install();
    return container.serve(io);
  }
}
