package io.sio4j.engine;

/**
 * Callbacks for metrics (packets, bytes, upgrades, refused handshakes, dropped and overflowing
 * sessions). Every method has an empty default, so an implementation overrides what it measures;
 * sio4j-micrometer is one. Without one ({@link #NONE}, the default) the engine only makes a call to
 * an empty method: nothing is allocated per packet.
 *
 * <pre>{@code
 * EngineOptions.builder()
 *     .instrumentation(new EngineInstrumentation() {
 *       @Override
 *       public void packetReceived(String transport, int bytes) {
 *         received.add(bytes);
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Threading: called on the event loop of the session concerned, so implementations must be
 * thread-safe and must not block. Arguments are constants ({@code "polling"}, {@code "websocket"})
 * or primitives.
 */
public interface EngineInstrumentation {
  /** Does nothing; the default. */
  EngineInstrumentation NONE = new EngineInstrumentation() {};

  /**
   * Whether any callback does something; when {@code false} the engine skips the work of computing
   * sizes. Overridden by {@link #NONE} and by forwarders.
   */
  default boolean enabled() {
    return this != NONE;
  }

  /**
   * A handshake or request was refused, with the Engine.IO error code (0 unknown transport, 1
   * unknown sid, 2 bad handshake method, 3 bad request, 4 forbidden, 5 unsupported protocol).
   */
  default void requestRefused(int code) {}

  /** A session was opened (a successful handshake) on {@code transport}. */
  default void sessionOpened(String transport) {}

  /** A session was closed, on {@code transport}, with an Engine.IO close reason. */
  default void sessionClosed(String transport, String reason) {}

  /** One packet came in over {@code transport}; {@code bytes} is its encoded size. */
  default void packetReceived(String transport, int bytes) {}

  /** {@code packets} packets of {@code bytes} bytes in all went out over {@code transport}. */
  default void packetsSent(String transport, int packets, long bytes) {}

  /** A session moved from polling to WebSocket. */
  default void upgraded(String from, String to) {}

  /** A volatile message was dropped because the transport could not take it at once. */
  default void volatileDropped() {}

  /** A session was closed because its outbound buffer went over {@code maxBufferedBytes}. */
  default void bufferOverflow() {}
}
