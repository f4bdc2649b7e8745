package quickstart;

import io.sio4j.jakarta.SocketIoJakarta;
import io.sio4j.server.SocketIoServer;
import jakarta.servlet.ServletContext;

/** README, "On your application's port": attaching to a servlet context. */
final class JakartaQuickStart {
  static void run(ServletContext servletContext) {
    // @README@
  }
}
