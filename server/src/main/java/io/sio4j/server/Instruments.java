package io.sio4j.server;

import java.util.Arrays;

/**
 * The {@link ServerInstrumentation}s of one server, called in order, and the engine's view of them.
 * Starts empty ({@link #enabled()} is false) so the hot paths skip size computations.
 *
 * <p>Threading: immutable; {@link SocketIoServer} swaps the instance in a volatile field.
 */
final class Instruments implements ServerInstrumentation {
  static final Instruments EMPTY = new Instruments(new ServerInstrumentation[0]);

  private final ServerInstrumentation[] all;

  private Instruments(ServerInstrumentation[] all) {
    this.all = all;
  }

  Instruments with(ServerInstrumentation added) {
    ServerInstrumentation[] next = Arrays.copyOf(all, all.length + 1);
    next[all.length] = added;
    return new Instruments(next);
  }

  @Override
  public boolean enabled() {
    return all.length > 0;
  }

  @Override
  public void requestRefused(int code) {
    for (ServerInstrumentation i : all) i.requestRefused(code);
  }

  @Override
  public void sessionOpened(String transport) {
    for (ServerInstrumentation i : all) i.sessionOpened(transport);
  }

  @Override
  public void sessionClosed(String transport, String reason) {
    for (ServerInstrumentation i : all) i.sessionClosed(transport, reason);
  }

  @Override
  public void packetReceived(String transport, int bytes) {
    for (ServerInstrumentation i : all) i.packetReceived(transport, bytes);
  }

  @Override
  public void packetsSent(String transport, int packets, long bytes) {
    for (ServerInstrumentation i : all) i.packetsSent(transport, packets, bytes);
  }

  @Override
  public void upgraded(String from, String to) {
    for (ServerInstrumentation i : all) i.upgraded(from, to);
  }

  @Override
  public void volatileDropped() {
    for (ServerInstrumentation i : all) i.volatileDropped();
  }

  @Override
  public void bufferOverflow() {
    for (ServerInstrumentation i : all) i.bufferOverflow();
  }

  @Override
  public void socketConnected(Socket socket) {
    for (ServerInstrumentation i : all) i.socketConnected(socket);
  }

  @Override
  public void socketDisconnected(Socket socket, String reason) {
    for (ServerInstrumentation i : all) i.socketDisconnected(socket, reason);
  }

  @Override
  public void broadcast(String namespace, int recipients) {
    for (ServerInstrumentation i : all) i.broadcast(namespace, recipients);
  }

  @Override
  public void ackReceived(String namespace, long nanos) {
    for (ServerInstrumentation i : all) i.ackReceived(namespace, nanos);
  }

  @Override
  public void ackTimedOut(String namespace) {
    for (ServerInstrumentation i : all) i.ackTimedOut(namespace);
  }
}
