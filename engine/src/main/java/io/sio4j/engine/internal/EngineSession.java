package io.sio4j.engine.internal;

import io.netty.channel.EventLoop;
import io.sio4j.engine.EngineInstrumentation;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.time.Scheduler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its state machine (open, closing, closed), write buffer, heartbeat and the
 * upgrade from polling to WebSocket. Mirrors {@code Socket} in the official engine.io server.
 *
 * <p>Host-neutral: a host hands it packets from its connections and gives it {@link Transport}s to
 * write to; the session never sees a host type.
 *
 * <p>The heartbeat's state is the base class {@link HeartbeatNode}, and the write queue lives in
 * {@link SessionMemory} with the session's share of the memory budget: an idle session is two
 * objects (issue 12).
 *
 * <p>Threading: confined to {@link #eventLoop()}; the public send and close methods hop there when
 * called from another thread. Fields without {@code volatile} are touched on the event loop only.
 */
public final class EngineSession extends HeartbeatNode implements EngineSocket {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");
  private static final long WS_BATCH_BYTES = 64 * 1024;

  // the states, a byte rather than an enum reference (with the other narrow fields, 8 bytes less
  // per session: issue 12)
  private static final byte OPEN = 0;
  private static final byte CLOSING = 1;
  private static final byte CLOSED = 2;

  private final String id;
  private final HandshakeRequest request;
  // made on first use: most sessions never hold a packet here (docs/PERFORMANCE.md, issue 12)
  private ArrayDeque<EnginePacket> undelivered;

  // volatile: transport() reads its name from any thread (a name field of its own was 4 bytes)
  private volatile Transport transport;
  private UpgradeProbe probe;
  private boolean upgraded;
  private volatile byte state = OPEN;
  private boolean flushScheduled;
  private boolean closeOnDrain; // close() waits for the write buffer to drain
  private Listener listener;
  private PendingClose pendingClose; // closed before a listener was set: told to the first one
  // NONE until the first listener registers: nobody listens to most sessions (issue 12)
  private volatile SessionEvents events = SessionEvents.NONE;
  private final boolean base64Polling;
  private final SessionMemory memory;

  EngineSession(
      String id,
      HandshakeRequest request,
      EventLoop loop,
      EngineOptions options,
      SessionRegistry registry) {
    super(registry.heartbeats(loop, options), "3".equals(request.query().get("EIO")));
    this.id = id;
    this.request = request;
    String b64 = request.query().get("b64");
    this.base64Polling = b64 != null && !b64.isEmpty();
    this.memory = new SessionMemory(this);
  }

  /** Sets the first transport, queues the OPEN packet and starts the heartbeat. */
  public void open(Transport first, List<String> upgrades) {
    assert loop().inEventLoop();
    this.transport = first;
    metrics().sessionOpened(first.name());
    sendPacket(WirePacket.open(id, upgrades, options()));
    if (options().initialPacket() != null) {
      sendPacket(WirePacket.message(OutboundMessage.text(options().initialPacket())));
    }
    startHeartbeat();
  }

  // ---- EngineSocket ----

  @Override
  public String id() {
    return id;
  }

  @Override
  public String transport() {
    Transport t = transport;
    return t == null ? null : t.name();
  }

  @Override
  public String readyState() {
    if (transport == null) return "opening";
    return switch (state) {
      case OPEN -> "open";
      case CLOSING -> "closing";
      default -> "closed";
    };
  }

  @Override
  public int protocol() {
    return clientPings ? 3 : 4; // the one difference of v3 sessions the heartbeat needs to know
  }

  /**
   * v3 polling: whether the client asked ({@code b64} on its handshake) for text payloads only, the
   * official server's {@code supportsBinary = false}.
   */
  public boolean base64Polling() {
    return base64Polling;
  }

  @Override
  public ListenerRegistry listenerRegistry() {
    SessionEvents e = events;
    if (e == SessionEvents.NONE) {
      synchronized (this) {
        if (events == SessionEvents.NONE) events = new SessionEvents(id);
        e = events;
      }
    }
    return e.registry();
  }

  @Override
  public HandshakeRequest request() {
    return request;
  }

  private boolean hasUndelivered() {
    return undelivered != null && !undelivered.isEmpty();
  }

  @Override
  public void setListener(Listener listener) {
    if (!loop().inEventLoop()) {
      runOnLoop(() -> setListener(listener));
      return;
    }
    this.listener = listener;
    while (listener != null && hasUndelivered()) deliver(undelivered.poll());
    if (listener != null && state == CLOSED && pendingClose != null) {
      PendingClose close = pendingClose;
      pendingClose = null;
      listener.onClose(close.reason(), close.description());
    }
  }

  @Override
  public void send(OutboundMessage message) {
    if (!loop().inEventLoop()) {
      runOnLoop(() -> send(message));
      return;
    }
    if (message.isVolatile() && !transportWritable()) {
      metrics().volatileDropped();
      return;
    }
    sendPacket(WirePacket.message(message));
  }

  @Override
  public void sendAll(OutboundMessage... messages) {
    if (!loop().inEventLoop()) {
      OutboundMessage[] copy = messages.clone();
      runOnLoop(() -> sendAll(copy));
      return;
    }
    boolean allVolatile = true;
    for (OutboundMessage m : messages) allVolatile &= m.isVolatile();
    if (allVolatile && !transportWritable()) {
      for (int i = 0; i < messages.length; i++) metrics().volatileDropped();
      return;
    }
    for (OutboundMessage m : messages) sendPacket(WirePacket.message(m));
  }

  @Override
  public void holdPeerBytes(long delta) {
    if (!loop().inEventLoop()) {
      runOnLoop(() -> holdPeerBytes(delta));
      return;
    }
    if (delta > 0) memory.add(delta);
    else memory.release(-delta);
  }

  @Override
  public int bufferedCount() {
    return memory.count();
  }

  @Override
  public boolean isOpen() {
    return state == OPEN;
  }

  @Override
  public void close() {
    if (!loop().inEventLoop()) {
      runOnLoop(this::close);
      return;
    }
    if (state != OPEN) return;
    state = CLOSING;
    if (!memory.isEmpty()) {
      closeOnDrain = true;
      flush();
      return;
    }
    closeTransport();
  }

  @Override
  public ScheduledExecutorService eventLoop() {
    return heartbeats.loop();
  }

  /** The current transport if it is polling, else null (after an upgrade). */
  public PollingTransport pollingTransport() {
    return transport instanceof PollingTransport p ? p : null;
  }

  @Override
  public Scheduler scheduler() {
    return heartbeats.timers(); // the loop's, shared with its other sessions
  }

  /** The owning event loop, as Netty's type. */
  public EventLoop loop() {
    return heartbeats.loop(); // the queue is the loop's: no field of its own here
  }

  // ---- called by transports, on the event loop ----

  /** A packet arrived on {@code from}. */
  public void onPacket(Transport from, EnginePacket packet) {
    assert loop().inEventLoop();
    if (state != OPEN && state != CLOSING) return;
    if (probe != null && from == probe.transport()) {
      probe.onPacket(packet);
      return;
    }
    if (from != transport) return;
    events.fire("packet", packet);
    EngineInstrumentation metrics = metrics();
    if (metrics.enabled()) metrics.packetReceived(from.name(), WirePacket.encodedSize(packet));
    switch (packet.type()) {
      case PING -> {
        if (!clientPings) {
          onTransportError(from, "invalid heartbeat direction");
          return;
        }
        if (closeIfPingOverdue()) return;
        heartbeatAnswered();
        sendPacket(WirePacket.PONG);
        events.fire("heartbeat");
      }
      case PONG -> {
        if (clientPings) {
          onTransportError(from, "invalid heartbeat direction");
          return;
        }
        if (closeIfPingOverdue()) return;
        if (state == OPEN) heartbeatAnswered();
        events.fire("heartbeat");
      }
      case MESSAGE -> {
        if (listener != null && !hasUndelivered()) {
          deliver(packet);
        } else {
          if (undelivered == null) undelivered = new ArrayDeque<>(4);
          undelivered.add(packet);
        }
      }
      case CLOSE -> onTransportClose(from);
      default -> log.debug("session {}: ignoring {} packet", id, packet.type());
    }
  }

  /** The transport {@code from} failed to parse what the client sent. */
  public void onParseError(Transport from, String description) {
    if (probe != null && from == probe.transport()) {
      abortUpgrade("parse error on probe: " + description);
    } else if (from == transport) {
      log.debug("session {}: parse error: {}", id, description);
      onClose("parse error", description);
    }
  }

  /** The transport {@code from} failed (client vanished, overlap, ...). */
  public void onTransportError(Transport from, String description) {
    if (probe != null && from == probe.transport()) {
      abortUpgrade(description);
    } else if (from == transport) {
      log.debug("session {}: transport error: {}", id, description);
      onClose("transport error", description);
    }
  }

  /** The transport {@code from} was closed by the client. */
  public void onTransportClose(Transport from) {
    if (probe != null && from == probe.transport()) {
      abortUpgrade("probe transport closed");
    } else if (from == transport) {
      // a close the server started stays "forced close" even when the client leaves first
      // (polling: the client may drop its request before the close packet reaches it)
      onClose(state == CLOSING ? "forced close" : "transport close", null);
    }
  }

  /** Flushes the write buffer to the transport if it can take it (called when it becomes ready). */
  public void flush() {
    assert loop().inEventLoop();
    if (state == CLOSED || transport == null) return;
    boolean sent = false;
    if (transport instanceof PollingTransport) {
      // one payload per poll, within maxPayload (always at least one packet), like the client
      if (!memory.isEmpty() && transport.writable()) {
        send(events.flushing(memory.take(options().maxHttpBufferSize())));
        sent = true;
      }
    } else {
      // WebSocket: write while the channel takes it; the rest waits here, under the bound, until
      // the channel is writable again (backpressure instead of an unbounded socket buffer)
      while (!memory.isEmpty() && transport.writable()) {
        send(events.flushing(memory.take(WS_BATCH_BYTES)));
        sent = true;
      }
    }
    if (sent) events.fire("drain");
    if (memory.isEmpty() && closeOnDrain) {
      closeOnDrain = false;
      closeTransport();
    }
  }

  /**
   * What this session holds: its write queue, and its share of the memory budget (transports count
   * what they hold there).
   */
  SessionMemory memory() {
    return memory;
  }

  EngineOptions options() {
    return heartbeats.options(); // the queue is the server's: no field of its own here
  }

  /** The budget asked for room: queued volatile packets go (the first thing shed). */
  void dropQueuedVolatile() {
    long freed = memory.removeVolatile();
    if (freed > 0) {
      metrics().volatileDropped();
      log.debug("session {}: dropped {} bytes of queued volatile packets", id, freed);
    }
  }

  /**
   * Closes a session that holds too much for its peer ({@code "transport error"}), dropping the
   * connections of polling answers the peer never took, so their bytes go too.
   */
  void closeHolding(String description) {
    if (state == CLOSED) return;
    log.debug("session {}: closing: {}", id, description);
    if (transport instanceof PollingTransport p) p.abortUnwritten();
    onClose("transport error", description);
  }

  /** A WebSocket with this sid completed its handshake: it becomes the upgrade probe. */
  public void maybeUpgrade(Transport ws) {
    assert loop().inEventLoop();
    if (state != OPEN
        || upgraded
        || probe != null
        || !options().allowUpgrades()
        || !(transport instanceof PollingTransport)) {
      log.debug("session {}: refusing an upgrade (upgraded or upgrading already)", id);
      ws.close(null);
      return;
    }
    probe = new UpgradeProbe(this, ws, scheduler(), options().upgradeTimeout());
  }

  /** The probe answered the client's {@code 2probe}: the official {@code "upgrading"} event. */
  void onUpgrading(Transport ws) {
    events.fire("upgrading", ws.name());
  }

  /** The client sent UPGRADE on the probe: the WebSocket becomes the transport. */
  void completeUpgrade(UpgradeProbe done) {
    if (done != probe || state == CLOSED) return;
    probe.cancelTimers();
    probe = null;
    Transport old = transport;
    transport = done.transport();
    upgraded = true;
    old.discard();
    metrics().upgraded(old.name(), transport.name());
    log.debug("session {}: upgraded to websocket", id);
    events.fire("upgrade", transport.name());
    flush();
    if (state == CLOSING) closeTransport();
  }

  /** Ends the upgrade attempt (the session stays on polling). */
  void abortUpgrade(String why) {
    UpgradeProbe p = probe;
    if (p == null) return;
    log.debug("session {}: upgrade aborted: {}", id, why);
    probe = null;
    p.cancelTimers();
    p.transport().close(null);
  }

  /** The registry this session is listed in. */
  SessionRegistry registry() {
    return heartbeats.registry(); // the queue is the registry's: no field of its own here
  }

  /** Called when the server closes: reason "server shutting down". */
  void shutdown() {
    if (!loop().inEventLoop()) {
      runOnLoop(this::shutdown);
      return;
    }
    onClose("server shutting down", null);
  }

  // ---- internals ----

  /** Ends a waiting poll with NOOP so the client can finish the upgrade (the probe's timer). */
  void releasePendingPoll() {
    if (transport instanceof PollingTransport p && p.hasWaitingGet()) {
      p.send(List.of(WirePacket.NOOP));
    }
  }

  private boolean transportWritable() {
    return state == OPEN && transport != null && transport.writable();
  }

  @Override
  void sendPing() {
    sendPacket(WirePacket.PING);
  }

  void sendPacket(WirePacket packet) {
    if (state != OPEN) return;
    if (events.wants("packetCreate")) events.fire("packetCreate", packet.toPacket());
    memory.queue(packet);
    if (outboundBytes() > options().maxBufferedBytes()) {
      // volatile packets are the first to go; a session still over the bound is closed
      dropQueuedVolatile();
      if (outboundBytes() > options().maxBufferedBytes()) {
        log.debug("session {}: outbound over {} bytes", id, options().maxBufferedBytes());
        metrics().bufferOverflow();
        closeHolding("write buffer full");
        return;
      }
    }
    if (!flushScheduled) {
      flushScheduled = true;
      // one flush per event-loop turn: a burst of sends becomes one payload / one socket flush,
      // and the sessions written to in one turn share one deferred task (LoopTurn)
      if (loop().inEventLoop()) LoopTurn.of(loop()).flushLater(this);
      else runOnLoop(this::flushQueued);
    }
  }

  /** The deferred flush of {@link #sendPacket}, run by {@link LoopTurn}. */
  void flushQueued() {
    flushScheduled = false;
    flush();
  }

  @Override
  public void runAfterRead(Runnable task) {
    if (loop().inEventLoop()) {
      LoopTurn.of(loop()).later(task);
    } else {
      loop().execute(task);
    }
  }

  /** The write buffer plus what the transport wrote and the peer has not taken yet. */
  private long outboundBytes() {
    return memory.queuedBytes() + (transport == null ? 0 : transport.heldBytes());
  }

  private void send(List<WirePacket> batch) {
    EngineInstrumentation metrics = metrics();
    if (metrics.enabled()) {
      long bytes = 0;
      for (WirePacket p : batch) bytes += p.size();
      metrics.packetsSent(transport.name(), batch.size(), bytes);
    }
    transport.send(batch);
  }

  private void deliver(EnginePacket packet) {
    try {
      if (packet.isBinary()) listener.onBinary(packet.binary());
      else listener.onText(packet.text());
    } catch (RuntimeException e) {
      log.warn("session {}: listener failed", id, e);
    }
  }

  /**
   * Closes the session with "ping timeout" if its pong deadline has passed, even when the timer has
   * not run yet (a busy event loop); returns whether the session is closed.
   */
  public boolean closeIfPingOverdue() {
    if (state != CLOSED && heartbeatOverdue()) {
      onClose("ping timeout", null);
    }
    return state == CLOSED;
  }

  @Override
  void pingTimedOut() {
    onClose("ping timeout", null);
  }

  private void closeTransport() {
    transport.close(() -> onClose("forced close", null));
  }

  private void onClose(String reason, String description) {
    if (state == CLOSED) return;
    state = CLOSED;
    stopHeartbeat();
    memory.close();
    closeOnDrain = false;
    abortUpgrade("session closed");
    if (transport != null) transport.close(null);
    registry().remove(this);
    metrics().sessionClosed(transport(), reason);
    log.debug("session {}: closed ({})", id, reason);
    if (listener != null) {
      // messages that arrived before the close are still delivered first
      while (hasUndelivered()) deliver(undelivered.poll());
      try {
        listener.onClose(reason, description);
      } catch (RuntimeException e) {
        log.warn("session {}: close listener failed", id, e);
      }
    } else {
      pendingClose = new PendingClose(reason, description);
    }
    events.fire("close", reason, description);
  }

  private record PendingClose(String reason, String description) {}

  private EngineInstrumentation metrics() {
    return options().instrumentation();
  }

  /** Runs on the event loop; after the server's loops are gone there is nothing left to do. */
  void runOnLoop(Runnable task) {
    try {
      loop().execute(task);
    } catch (RejectedExecutionException e) {
      log.debug("session {}: event loop is shut down, dropping a task", id);
    }
  }
}
