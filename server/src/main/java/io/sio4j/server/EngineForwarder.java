package io.sio4j.server;

import io.sio4j.engine.EngineInstrumentation;

/**
 * The engine's instrumentation: forwards to whatever the server has now, so that {@link
 * SocketIoServer#instrument(ServerInstrumentation)} works after start too.
 *
 * <p>Threading: thread-safe (reads the server's volatile field).
 */
final class EngineForwarder implements EngineInstrumentation {
  private final SocketIoServer server;

  EngineForwarder(SocketIoServer server) {
    this.server = server;
  }

  @Override
  public boolean enabled() {
    return server.instruments().enabled();
  }

  @Override
  public void requestRefused(int code) {
    server.instruments().requestRefused(code);
  }

  @Override
  public void sessionOpened(String transport) {
    server.instruments().sessionOpened(transport);
  }

  @Override
  public void sessionClosed(String transport, String reason) {
    server.instruments().sessionClosed(transport, reason);
  }

  @Override
  public void packetReceived(String transport, int bytes) {
    server.instruments().packetReceived(transport, bytes);
  }

  @Override
  public void packetsSent(String transport, int packets, long bytes) {
    server.instruments().packetsSent(transport, packets, bytes);
  }

  @Override
  public void upgraded(String from, String to) {
    server.instruments().upgraded(from, to);
  }

  @Override
  public void volatileDropped() {
    server.instruments().volatileDropped();
  }

  @Override
  public void bufferOverflow() {
    server.instruments().bufferOverflow();
  }
}
