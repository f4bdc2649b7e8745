package quickstart;

import io.sio4j.server.SocketIoServer;

/** README, "Socket.IO server quick start": the first block. */
final class ServerQuickStart {
  static SocketIoServer run() {
    // @README@
    return io;
  }
}
