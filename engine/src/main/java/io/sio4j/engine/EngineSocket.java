package io.sio4j.engine;

import io.sio4j.protocol.event.EventEmitter;
import io.sio4j.protocol.time.Scheduler;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One Engine.IO session, seen from the layer above (Socket.IO). It outlives transport upgrades: the
 * same object is used whether the client talks over polling or WebSocket.
 *
 * <p>Threading: every callback runs on the session's event loop ({@link #eventLoop()}). The send
 * methods are thread-safe; called from another thread they hop to the event loop.
 *
 * <pre>{@code
 * engine.onConnection(socket -> {
 *   socket.onMessage(new EngineSocket.Listener() {
 *     public void onText(String text) { socket.send(text); }
 *     public void onBinary(byte[] data) { socket.send(data); }
 *     public void onClose(String reason, String description) {}
 *   });
 * });
 * }</pre>
 *
 * <h2>Events</h2>
 *
 * The official engine.io socket's events, with the shared {@link EventEmitter} ({@code on}, {@code
 * once}, {@code off}), called on the session's event loop, values as they are:
 *
 * <ul>
 *   <li>{@code "packet"} ({@link io.sio4j.protocol.engineio.EnginePacket}): a packet received on
 *       the current transport (pings of an upgrade probe excluded);
 *   <li>{@code "packetCreate"} ({@code EnginePacket}): a packet queued for sending;
 *   <li>{@code "heartbeat"}: a PONG arrived;
 *   <li>{@code "flush"} ({@code List<EnginePacket>}): packets about to be handed to the transport;
 *   <li>{@code "drain"}: the write buffer was handed to the transport;
 *   <li>{@code "upgrading"} ({@code String} transport name): an upgrade probe answered;
 *   <li>{@code "upgrade"} ({@code String} transport name): the upgrade completed;
 *   <li>{@code "close"} ({@code String} reason, {@code String} description or null): see {@link
 *       Listener#onClose}.
 * </ul>
 *
 * <pre>{@code
 * conn.on("upgrade", (String transport) -> log.info("{} now on {}", conn.id(), transport));
 * conn.on("packetCreate", (EnginePacket p) -> log.trace("out: {}", p.type()));
 * conn.on("close", (String reason, String description) -> log.info("closed: {}", reason));
 * }</pre>
 *
 * <p>Listeners added from another thread than the event loop may miss events that race with their
 * registration; a listener that throws is logged and the session goes on.
 */
public interface EngineSocket extends EventEmitter<EngineSocket> {

  /** Receives what arrives on the session, in order, on the session's event loop. */
  interface Listener {
    /** A text MESSAGE packet (the payload without the Engine.IO type digit). */
    void onText(String text);

    /** A binary MESSAGE packet. The array belongs to the listener. */
    void onBinary(byte[] data);

    /**
     * The session closed. Called exactly once. {@code reason} is one of the official Engine.IO
     * reasons: {@code "transport close"}, {@code "transport error"}, {@code "ping timeout"}, {@code
     * "parse error"}, {@code "forced close"}, {@code "server shutting down"}.
     */
    void onClose(String reason, String description);
  }

  /** The session id (the Engine.IO {@code sid}), secret to this client. */
  String id();

  /** Name of the current transport: {@code "polling"} or {@code "websocket"}. */
  String transport();

  /**
   * The official {@code readyState}: {@code "opening"}, {@code "open"}, {@code "closing"} (after
   * {@link #close()}, while the buffer drains) or {@code "closed"}.
   */
  String readyState();

  /** The HTTP request that opened the session. */
  HandshakeRequest request();

  /**
   * The Engine.IO protocol revision this client speaks: {@code 4}, or {@code 3} for the older
   * clients {@link EngineOptions#allowEIO3()} lets in (the official {@code socket.protocol}).
   */
  default int protocol() {
    return 4;
  }

  /** Sets the listener; messages that arrive before it is set are delivered once it is. */
  void setListener(Listener listener);

  /** Queues a text MESSAGE packet. */
  default void send(String text) {
    send(OutboundMessage.text(text));
  }

  /** Queues a binary MESSAGE packet. The array must not be modified afterwards. */
  default void send(byte[] data) {
    send(OutboundMessage.binary(data));
  }

  /**
   * Queues a pre-encoded message. The same {@link OutboundMessage} can be sent to many sessions:
   * its wire forms are encoded once and shared (see {@link OutboundMessage}).
   */
  void send(OutboundMessage message);

  /**
   * Queues several messages that must be written together (a Socket.IO binary packet and its
   * attachments): no other message is interleaved.
   */
  void sendAll(OutboundMessage... messages);

  /** Number of messages queued but not yet written to the transport. */
  int bufferedCount();

  /**
   * Counts {@code delta} more (or, negative, fewer) bytes that the layer above holds on behalf of
   * this peer, such as a partial binary packet waiting for its attachments: they count in the
   * session's share of {@link EngineOptions#memoryBudget()}, so that shedding can find and close
   * it. Everything still counted is released when the session closes. Any thread.
   */
  default void holdPeerBytes(long delta) {}

  /** Whether the session is open (handshake done, not closed). */
  boolean isOpen();

  /**
   * Closes the session: flushes what is queued, then sends a CLOSE packet (polling) or closes the
   * WebSocket. The listener gets {@code onClose("forced close", ...)}.
   */
  void close();

  /** The event loop that owns this session. */
  ScheduledExecutorService eventLoop();

  /**
   * Runs {@code task} on {@link #eventLoop()} once the work being handled now (the rest of the
   * current read) is done, as Node's {@code process.nextTick}: the tasks deferred in one turn run
   * in order, in one loop task, followed by the flush of what they wrote. Throws {@link
   * java.util.concurrent.RejectedExecutionException} when the event loop is shut down.
   */
  default void runAfterRead(Runnable task) {
    eventLoop().execute(task);
  }

  /**
   * The session's timers: tasks run on {@link #eventLoop()}, timed by {@link
   * EngineOptions#scheduler()} when one is set (else by the event loop itself). The layer above
   * schedules its own timers here (connect and acknowledgement timeouts), so one injected clock
   * drives every timer of a session.
   */
  Scheduler scheduler();
}
