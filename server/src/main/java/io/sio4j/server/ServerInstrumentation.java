package io.sio4j.server;

import io.sio4j.engine.EngineInstrumentation;

/**
 * Callbacks for metrics: the Engine.IO ones ({@link EngineInstrumentation}) plus sockets,
 * broadcasts and acknowledgements. Every method has an empty default; sio4j-micrometer implements
 * them all. A server without one only calls empty methods: nothing is allocated per packet.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder()
 *     .instrumentation(new ServerInstrumentation() {
 *       @Override
 *       public void socketConnected(Socket socket) {
 *         connections.increment();
 *       }
 *     })
 *     .build();
 * // or, after building: io.instrument(...)
 * }</pre>
 *
 * <p>Threading: called on the event loop of the connection concerned (or the thread that
 * broadcasts), so implementations must be thread-safe and must not block.
 */
public interface ServerInstrumentation extends EngineInstrumentation {

  /** Callbacks that do something unless this returns {@code false}. */
  @Override
  default boolean enabled() {
    return true;
  }

  /** A socket joined its namespace (the CONNECT was accepted). */
  default void socketConnected(Socket socket) {}

  /**
   * A connected socket left its namespace, with a {@link DisconnectReason}; the socket is no longer
   * in {@link Namespace#sockets()}.
   */
  default void socketDisconnected(Socket socket, String reason) {}

  /**
   * A packet was broadcast in {@code namespace} and written to {@code recipients} local sockets.
   */
  default void broadcast(String namespace, int recipients) {}

  /** A client answered an acknowledgement {@code nanos} nanoseconds after the event went out. */
  default void ackReceived(String namespace, long nanos) {}

  /** An acknowledgement with a timeout was not answered in time. */
  default void ackTimedOut(String namespace) {}
}
