package io.sio4j.bench;

import io.sio4j.server.SocketIoServer;

/**
 * An echo that goes through the cluster adapter twice, for measuring a cluster round trip with
 * sioload's unchanged {@code echo} scenario ({@code --cross-echo send|answer} of the bench server).
 *
 * <p>On a {@code send} node a client's {@code 42["echo",X]} becomes {@code
 * io.serverSideEmit("bench-echo", socketId, X)}: the adapter carries it to every other node. The
 * one {@code answer} node replies with {@code io.to(socketId).emit("echo", X)}, which the adapter
 * carries back as a broadcast to the room named after the socket, so only the sending client's own
 * node delivers it. Start exactly one {@code answer} node, else the client gets one copy per
 * answering node.
 *
 * <p>Stateless apart from the server it is installed on, so thread-safe.
 */
final class CrossNodeEcho {
  /** The server-side event between the nodes. */
  static final String EVENT = "bench-echo";

  private CrossNodeEcho() {}

  /**
   * Installs the {@code mode} ({@code send} or {@code answer}) on {@code io}; {@code null} installs
   * nothing.
   *
   * @throws IllegalArgumentException for another mode
   */
  static void install(SocketIoServer io, String mode) {
    if (mode == null) return;
    switch (mode) {
      case "send" ->
          io.on(
              "connection",
              socket ->
                  socket.on("echo", (String data) -> io.serverSideEmit(EVENT, socket.id(), data)));
      case "answer" ->
          io.onServerSideEmit(
              EVENT,
              (args, ack) -> {
                // untrusted input from the bus: two strings, else ignored
                if (args.size() != 2 || !args.get(0).isTextual() || !args.get(1).isTextual()) {
                  return;
                }
                io.to(args.get(0).asText()).emit("echo", args.get(1).asText());
              });
      default ->
          throw new IllegalArgumentException("--cross-echo wants send or answer, not " + mode);
    }
  }
}
