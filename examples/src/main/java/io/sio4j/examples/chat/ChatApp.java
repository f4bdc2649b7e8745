package io.sio4j.examples.chat;

import io.sio4j.admin.AdminUi;
import io.sio4j.admin.AdminUiOptions;
import io.sio4j.engine.HttpHandler;
import io.sio4j.engine.TlsOptions;
import io.sio4j.examples.Args;
import io.sio4j.examples.Container;
import io.sio4j.examples.ExamplePages;
import io.sio4j.server.ServerBuilder;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.server.http.HttpRoutes;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;

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
   * Runs until the process is stopped: {@code [--port N] [--host H] [--container C] [--tls-cert
   * FILE --tls-key FILE] [--adapter KIND --redis URL | --postgres URL] [--admin-ui]}.
   */
  public static void main(String[] args) {
    String adminPassword = null;
    if (Args.flag(args, "--admin-ui")) {
      adminPassword = System.getenv("SIO4J_ADMIN_PASSWORD");
      if (adminPassword == null) {
        byte[] random = new byte[9];
        new SecureRandom().nextBytes(random);
        adminPassword = HexFormat.of().formatHex(random);
      }
    }
    SocketIoServer io =
        start(
            Container.of(args),
            Args.host(args),
            Args.port(args),
            Args.tls(args),
            System.out,
            Args.adapter(args),
            adminPassword);
    String url = Args.url(args, io.address().getPort());
    System.out.println("chat listening on " + url + "/");
    if (adminPassword != null) {
      System.out.println(
          "admin UI on " + url + "/admin-ui/ (user admin, password " + adminPassword + ")");
    }
  }

  /** Starts the app over plain http; what the tutorial logs goes to {@code console}. */
  public static SocketIoServer start(String host, int port, PrintStream console) {
    return start(Container.NETTY, host, port, null, console, null, null);
  }

  /** Starts the chat with TLS ({@code null}: plain http); it logs through SLF4J. */
  public static SocketIoServer start(String host, int port, TlsOptions tls, PrintStream console) {
    return start(Container.NETTY, host, port, tls, console, null, null);
  }

  /** Starts the chat with the admin UI when {@code adminPassword} is not null. */
  public static SocketIoServer start(
      String host, int port, PrintStream console, String adminPassword) {
    return start(Container.NETTY, host, port, null, console, null, adminPassword);
  }

  /** Same, on a cluster adapter ({@code null}: the in-memory one). */
  public static SocketIoServer start(
      String host, int port, TlsOptions tls, PrintStream console, AdapterFactory adapter) {
    return start(Container.NETTY, host, port, tls, console, adapter, null);
  }

  /** The same on {@code container} ({@code --container netty|jetty|tomcat}). */
  public static SocketIoServer start(
      Container container,
      String host,
      int port,
      TlsOptions tls,
      PrintStream console,
      AdapterFactory adapter) {
    return start(container, host, port, tls, console, adapter, null);
  }

  /**
   * Starts the chat on {@code container}: TLS when {@code tls} is not null, on a cluster adapter
   * when {@code adapter} is not null (else the in-memory one), and with an {@code adminPassword}
   * the admin UI too: the {@code /admin} namespace (user {@code admin}) and the UI's page at {@code
   * /admin-ui/}.
   */
  public static SocketIoServer start(
      Container container,
      String host,
      int port,
      TlsOptions tls,
      PrintStream console,
      AdapterFactory adapter,
      String adminPassword) {
    HttpHandler pages = new ExamplePages("chat");
    if (adminPassword != null) pages = HttpRoutes.of(AdminUi.page("/admin-ui"), pages);
    ServerBuilder builder =
        SocketIoServer.builder()
            .host(host)
            .port(port)
            .tls(tls) // null: plain http
            .httpHandler(pages);
    if (adapter != null) builder.adapter(adapter);
    SocketIoServer io = builder.build();
    new ChatServer(io, new InMemoryUserRegistry(), new InMemoryRoomStore(HISTORY, MAX_ROOMS))
        .install();
    if (adminPassword != null) {
      String hash = AdminUiOptions.hash(adminPassword.toCharArray());
      AdminUi.instrument(io, AdminUiOptions.builder().auth("admin", hash).build());
    }
    return container.serve(io);
  }
}
