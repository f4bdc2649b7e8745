package quickstart;

import io.sio4j.admin.AdminUi;
import io.sio4j.admin.AdminUiOptions;
import io.sio4j.server.SocketIoServer;

/** README, "Admin UI": the UI served by the server itself. */
final class AdminUiQuickStart {
  static void run() {
    // @README@
  }
}
