package io.sio4j.examples.chat;

import io.sio4j.admin.AdminUi;
import io.sio4j.admin.AdminUiOptions;
import io.sio4j.engine.HttpHandler;
import io.sio4j.examples.Args;
import io.sio4j.examples.ExamplePages;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.http.HttpRoutes;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The tutorial's chat application: {@link ChatServer} over in-memory stores (50 messages of history
 * per room, at most 1000 rooms), with its page at {@code /}. {@link ChatClient} talks to it from a
 * console. With {@code --admin-ui}, the official admin UI watches it from {@code /admin-ui/}.
 *
 * <pre>{@code
 * java -jar sio4j-examples.jar chat --port 3000 [--admin-ui]
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

  /** Runs until the process is stopped: {@code [--port N] [--host H] [--admin-ui]}. */
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
    SocketIoServer io = start(Args.host(args), Args.port(args), System.out, adminPassword);
    System.out.println("chat listening on http://localhost:" + io.address().getPort() + "/");
    if (adminPassword != null) {
      System.out.println(
          "admin UI on http://localhost:"
              + io.address().getPort()
              + "/admin-ui/ (user admin, password "
              + adminPassword
              + ")");
    }
  }

  /** Starts the chat; it logs through SLF4J, so {@code console} stays quiet. */
  public static SocketIoServer start(String host, int port, PrintStream console) {
    return start(host, port, console, null);
  }

  /**
   * Starts the chat, and with an {@code adminPassword} the admin UI too: the {@code /admin}
   * namespace (user {@code admin}) and the UI's page at {@code /admin-ui/}.
   */
  public static SocketIoServer start(
      String host, int port, PrintStream console, String adminPassword) {
    HttpHandler pages = new ExamplePages("chat");
    if (adminPassword != null) pages = HttpRoutes.of(AdminUi.page("/admin-ui"), pages);
    SocketIoServer io = SocketIoServer.builder().host(host).port(port).httpHandler(pages).build();
    new ChatServer(io, new InMemoryUserRegistry(), new InMemoryRoomStore(HISTORY, MAX_ROOMS))
        .install();
    if (adminPassword != null) {
      String hash = AdminUiOptions.hash(adminPassword.toCharArray());
      AdminUi.instrument(io, AdminUiOptions.builder().auth("admin", hash).build());
    }
    return io.start();
  }
}
