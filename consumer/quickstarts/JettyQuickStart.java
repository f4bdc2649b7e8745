package quickstart;

import io.sio4j.jakarta.SocketIoJakarta;
import io.sio4j.server.SocketIoServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;

/** README, "On your application's port": embedded Jetty 12. */
final class JettyQuickStart {
  static void run(SocketIoServer io) throws Exception {
    // @README@
  }
}
