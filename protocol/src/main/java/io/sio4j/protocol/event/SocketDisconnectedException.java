package io.sio4j.protocol.event;

/**
 * The socket disconnected before the peer acknowledged an emit: JavaScript's "socket has been
 * disconnected". The same exception on the server and the client. On the client, emits still
 * buffered for a later connection are not failed.
 *
 * <pre>{@code
 * socket.emitWithAck("q").exceptionally(e -> {
 *   if (e.getCause() instanceof SocketDisconnectedException) return null; // ask again later
 *   throw new CompletionException(e);
 * });
 * }</pre>
 */
public final class SocketDisconnectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception (by the server and the client). */
  public SocketDisconnectedException() {
    super("socket has been disconnected", null, false, false);
  }
}
