package io.sio4j.engine.internal;

import java.util.List;

/**
 * One way of carrying a session's packets (HTTP long-polling or WebSocket), seen from {@link
 * EngineSession}.
 *
 * <p>This is the host seam for WebSocket: the Netty host implements it over a channel, the Jakarta
 * host over a {@code jakarta.websocket.Session}. Packets are handed over as shared byte arrays
 * ({@link WirePacket}), so no host type reaches the session.
 *
 * <p>Threading: every method is called on the session's event loop; implementations hop to their
 * connection's thread themselves (Netty's thread-safe {@code Channel.write}, the container's async
 * send).
 */
public abstract class Transport {
  /** {@code "polling"} or {@code "websocket"}. */
  protected abstract String name();

  /** Whether {@link #send(List)} may be called now. */
  protected abstract boolean writable();

  /** Writes the packets (only when {@link #writable()}); the list is not kept. */
  protected abstract void send(List<WirePacket> packets);

  /**
   * Orderly close started by the server: polling delivers a CLOSE packet in the current or next
   * poll, WebSocket closes the connection. {@code onClosed} (may be null) runs once that is done.
   */
  protected abstract void close(Runnable onClosed);

  /**
   * Bytes written to the peer's connection that it has not taken yet, counted in the session's
   * outbound bound; 0 when the transport cannot tell (or bounds them itself, as WebSocket does by
   * writing only while the channel is writable).
   */
  protected long heldBytes() {
    return 0;
  }

  /** The session moved to another transport: release what is pending without closing it. */
  protected abstract void discard();
}
