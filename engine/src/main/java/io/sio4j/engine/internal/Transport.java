package io.sio4j.engine.internal;

import java.util.List;

/**
 * One way of carrying a session's packets (HTTP long-polling or WebSocket), seen from {@link
 * EngineSession}.
 *
 * <p>Threading: every method is called on the session's event loop; implementations hop to their
 * channel's event loop through Netty's thread-safe {@code Channel.write}.
 */
abstract class Transport {
  /** {@code "polling"} or {@code "websocket"}. */
  abstract String name();

  /** Whether {@link #send(List)} may be called now. */
  abstract boolean writable();

  /** Writes the packets (only when {@link #writable()}); the list is not kept. */
  abstract void send(List<WirePacket> packets);

  /**
   * Orderly close started by the server: polling delivers a CLOSE packet in the current or next
   * poll, WebSocket closes the connection. {@code onClosed} (may be null) runs once that is done.
   */
  abstract void close(Runnable onClosed);

  /** The session moved to another transport: release what is pending without closing it. */
  abstract void discard();
}
