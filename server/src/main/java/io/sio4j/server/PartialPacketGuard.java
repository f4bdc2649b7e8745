package io.sio4j.server;

import io.sio4j.engine.EngineSocket;
import io.sio4j.protocol.time.Cancellable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds a binary packet whose attachments have been announced but not all received (issue 14): its
 * bytes (the header text and the attachments so far) per connection ({@link
 * ServerOptions#maxPartialPacketBytes()}) and for the whole server ({@link
 * ServerOptions#maxPartialPacketBytesTotal()}), and the time it may wait for its last attachment
 * ({@link ServerOptions#partialPacketTimeout()}). The bytes also count in the engine's memory
 * budget ({@link EngineSocket#holdPeerBytes}), so shedding finds the connection.
 *
 * <p>Threading: confined to the connection's event loop; the server total is atomic.
 */
final class PartialPacketGuard {
  private final EngineSocket conn;
  private final ServerOptions options;
  private final AtomicLong serverTotal;
  private final Runnable onExpired;
  private long held;
  private Cancellable deadline;

  PartialPacketGuard(
      EngineSocket conn, ServerOptions options, AtomicLong serverTotal, Runnable onExpired) {
    this.conn = conn;
    this.options = options;
    this.serverTotal = serverTotal;
    this.onExpired = onExpired;
  }

  /**
   * {@code bytes} more of the packet being reassembled are held; false when that passes a bound
   * (the caller closes the connection, which drops the packet).
   */
  boolean hold(long bytes) {
    if (deadline == null) {
      deadline = conn.scheduler().schedule(onExpired, options.partialPacketTimeout());
    }
    held += bytes;
    conn.holdPeerBytes(bytes);
    long total = serverTotal.addAndGet(bytes);
    return held <= options.maxPartialPacketBytes() && total <= options.maxPartialPacketBytesTotal();
  }

  /** The packet completed or was dropped: nothing is held any more. */
  void done() {
    if (deadline != null) {
      deadline.cancel();
      deadline = null;
    }
    if (held == 0) return;
    serverTotal.addAndGet(-held);
    conn.holdPeerBytes(-held);
    held = 0;
  }

  long held() {
    return held;
  }
}
