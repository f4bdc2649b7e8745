package io.sio4j.client;

/**
 * The socket disconnected before the server acknowledged an emit; the JavaScript client's "socket
 * has been disconnected". Emits still buffered for a later connection are not failed.
 *
 * <pre>{@code
 * socket.emitWithAck("q").exceptionally(e -> e.getCause() instanceof SocketDisconnectedException ? ... : ...);
 * }</pre>
 */
public final class SocketDisconnectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SocketDisconnectedException() {
    super("socket has been disconnected", null, false, false);
  }
}
