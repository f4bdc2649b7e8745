package quickstart;

import io.sio4j.protocol.event.Ack;
import io.sio4j.server.ConnectError;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** README, "Socket.IO server quick start": the namespace, middleware and ack block. */
final class ServerOrdersQuickStart {
  private static final Logger log = LoggerFactory.getLogger(ServerOrdersQuickStart.class);

  record Order(String id) {}

  static void run(SocketIoServer io) {
    // @README@
  }
}
