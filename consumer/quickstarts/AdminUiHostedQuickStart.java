package quickstart;

import io.sio4j.admin.AdminUi;
import io.sio4j.admin.AdminUiOptions;
import io.sio4j.engine.CorsOptions;
import io.sio4j.server.SocketIoServer;

/** README, "Admin UI": the hosted admin.socket.io page. */
final class AdminUiHostedQuickStart {
  static void run(String hash) {
    // @README@
  }
}
