package quickstart;

import io.sio4j.jakarta.SocketIoJakarta;
import io.sio4j.server.SocketIoServer;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/** README, "On your application's port": embedded Tomcat 11. */
final class TomcatQuickStart {
  static void run(SocketIoServer io) throws Exception {
    // @README@
  }
}
