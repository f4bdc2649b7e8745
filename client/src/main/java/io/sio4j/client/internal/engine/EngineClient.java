package io.sio4j.client.internal.engine;

import io.sio4j.client.ClientOptions;
import io.sio4j.client.transport.HttpConnector;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import io.sio4j.protocol.time.Cancellable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO v4 client session, as engine.io-client's {@code Socket}: handshake, heartbeat
 * (answers PING, closes with {@code "ping timeout"} when no PING comes within pingInterval +
 * pingTimeout), write buffer batched up to the server's {@code maxPayload} on polling, and the
 * upgrade from polling to WebSocket (probe, pause, switch).
 *
 * <pre>{@code
 * EngineClient engine = new EngineClient(uris, options, http, loop, listener, new AtomicBoolean());
 * loop.execute(engine::open);
 * }</pre>
 *
 * <p>Confined to the {@link ClientLoop}: call every method there; the listener is called there.
 */
public final class EngineClient implements Transport.Events {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client.engine");

  /** Session events, on the loop. */
  public interface Listener {
    /** The handshake completed. */
    void onOpen(EngineClient engine);

    /** A MESSAGE packet (text or binary). */
    void onMessage(EnginePacket packet);

    /** The server pinged (already answered). */
    void onPing();

    /** Every buffered packet has been written. */
    default void onDrain() {}

    /** The session moved to another transport. */
    default void onUpgrade(String transport) {}

    /** A failure; {@link #onClose} follows. */
    void onError(Throwable error);

    /** The session ended: "transport close", "transport error", "ping timeout", "forced close". */
    void onClose(String reason, Throwable cause);
  }

  private enum State {
    NEW,
    OPENING,
    OPEN,
    CLOSING,
    CLOSED
  }

  private final EngineUris uris;
  private final ClientOptions options;
  private final HttpConnector http;
  private final ClientLoop loop;
  private final Listener listener;
  // whether a WebSocket worked for this Manager (ClientOptions#rememberUpgrade)
  private final AtomicBoolean priorWebsocketSuccess;
  private final List<EnginePacket> writeBuffer = new ArrayList<>();
  private State state = State.NEW;
  private Transport transport;
  private Transport probe;
  private boolean upgrading;
  private int prevBufferLen;
  private String sid;
  private List<String> upgrades = List.of();
  private Duration pingInterval;
  private Duration pingTimeout;
  private long maxPayload;
  private Cancellable pingTimer = Cancellable.NONE;
  private Cancellable nextPing = Cancellable.NONE; // v3: the client's own PING
  private Runnable afterDrain;

  /** A session that starts on {@link #open()}. */
  public EngineClient(
      EngineUris uris,
      ClientOptions options,
      HttpConnector http,
      ClientLoop loop,
      Listener listener,
      AtomicBoolean priorWebsocketSuccess) {
    this.uris = uris;
    this.options = options;
    this.http = http;
    this.loop = loop;
    this.listener = listener;
    this.priorWebsocketSuccess = priorWebsocketSuccess;
  }

  /** Starts the handshake on the first transport (or WebSocket, when remembered). */
  public void open() {
    if (state != State.NEW) return;
    state = State.OPENING;
    String first = options.transports().get(0);
    if (options.rememberUpgrade()
        && priorWebsocketSuccess.get()
        && options.transports().contains("websocket")) {
      first = "websocket";
    }
    transport = createTransport(first);
    transport.open();
  }

  /** The session id, or null before the handshake. */
  public String sid() {
    return sid;
  }

  /** The current transport's name. */
  public String transportName() {
    return transport == null ? null : transport.name;
  }

  /** The most WebSocket messages that waited for the loop at once, 0 on polling (tests). */
  int queuedHighWater() {
    return transport instanceof WebSocketTransport ws ? ws.queuedHighWater() : 0;
  }

  /** Whether a packet sent now would be written at once (open, transport idle, no upgrade). */
  public boolean writable() {
    return state == State.OPEN && transport != null && transport.writable && !upgrading;
  }

  /** Whether the session ended (or never started). */
  public boolean isClosed() {
    return state == State.CLOSED;
  }

  /** Whether the session is open. */
  public boolean isOpen() {
    return state == State.OPEN;
  }

  /** Queues a MESSAGE; returns false when the session is closing or closed. */
  public boolean send(EnginePacket packet) {
    if (state == State.CLOSING || state == State.CLOSED) return false;
    writeBuffer.add(packet);
    flush();
    return true;
  }

  /** Closes the session after the buffered packets are written ({@code "forced close"}). */
  public void close() {
    if (state == State.OPENING || state == State.NEW) {
      onClose("forced close", null);
    } else if (state == State.OPEN) {
      state = State.CLOSING;
      if (writeBuffer.isEmpty() && !upgrading) {
        onClose("forced close", null);
      } else {
        afterDrain = () -> onClose("forced close", null);
      }
    }
  }

  private Transport createTransport(String name) {
    Map<String, List<String>> headers = new LinkedHashMap<>(options.extraHeaders());
    ClientOptions.TransportOptions own = options.transportOptions().get(name);
    if (own != null) headers.putAll(own.extraHeaders());
    int maxPackets = Math.max(16, options.maxIncomingBytes() / 2);
    Transport t =
        name.equals("websocket")
            ? new WebSocketTransport(
                () -> uris.build(name, sid),
                loop,
                http,
                headers,
                options.protocols(),
                this,
                maxPackets,
                options.maxQueuedIncomingMessages())
            : new PollingTransport(
                () -> uris.build(name, sid),
                loop,
                http,
                headers,
                options.requestTimeout(),
                this,
                maxPackets);
    t.v3 = options.eio3();
    return t;
  }

  // ---- transport events

  @Override
  public void onTransportOpen(Transport t) {
    if (t == probe) sendProbe(t);
    // A WebSocket may deliver the handshake before its own open callback: write what waited.
    else if (t == transport) flush();
  }

  @Override
  public void onPacket(Transport t, EnginePacket p) {
    if (t == probe) {
      onProbePacket(t, p);
      return;
    }
    if (t != transport || state == State.CLOSED) return;
    if (log.isTraceEnabled()) log.trace("{} received {}", sid, describe(p));
    // v3 (engine.io-client 3): any packet shows the server is alive
    if (options.eio3() && state == State.OPEN) resetPingTimer();
    switch (p.type()) {
      case OPEN -> onHandshake(p.text());
      case PONG -> {
        if (options.eio3()) {
          schedulePing();
          listener.onPing();
        }
      }
      case PING -> {
        if (options.eio3()) {
          log.debug("ignored a PING from a v3 server");
          return;
        }
        resetPingTimer();
        writeBuffer.add(EnginePacket.of(EnginePacketType.PONG));
        flush();
        listener.onPing();
      }
      case MESSAGE -> {
        if (state == State.OPEN || state == State.CLOSING) listener.onMessage(p);
      }
      default -> log.debug("ignored {} packet", p.type());
    }
  }

  @Override
  public void onDrain(Transport t) {
    if (t != transport) return;
    writeBuffer.subList(0, Math.min(prevBufferLen, writeBuffer.size())).clear();
    prevBufferLen = 0;
    if (writeBuffer.isEmpty()) {
      listener.onDrain();
      if (afterDrain != null && !upgrading) {
        Runnable r = afterDrain;
        afterDrain = null;
        r.run();
      }
    } else {
      flush();
    }
  }

  @Override
  public void onTransportError(Transport t, String message, Throwable cause) {
    if (t == probe) {
      log.debug("upgrade to {} failed: {}", t.name, message);
      probe = null;
      upgrading = false;
      priorWebsocketSuccess.set(false);
      if (transport.state == Transport.State.PAUSED && state == State.OPEN) {
        // the switch was under way: the old transport stays
        transport.resume();
        flush();
      }
      return;
    }
    if (t != transport) return;
    priorWebsocketSuccess.set(false);
    int next = options.transports().indexOf(t.name) + 1;
    if (options.tryAllTransports()
        && state == State.OPENING
        && next > 0
        && next < options.transports().size()) {
      // ClientOptions#tryAllTransports: the next transport gets its chance before any error
      log.debug("{} failed before the handshake ({}), trying the next transport", t.name, message);
      transport = createTransport(options.transports().get(next));
      transport.open();
      return;
    }
    onError(new EngineIoException(message, cause));
  }

  @Override
  public void onTransportClose(Transport t, String reason) {
    if (t == probe) {
      onTransportError(t, "probe transport closed", null);
      return;
    }
    if (t != transport) return;
    onClose(reason, null);
  }

  // ---- handshake and heartbeat

  private void onHandshake(String json) {
    if (state != State.OPENING) {
      log.debug("unexpected OPEN packet ignored");
      return;
    }
    try {
      Handshake h = Handshake.parse(json, options.transports());
      sid = h.sid();
      pingInterval = h.pingInterval();
      pingTimeout = h.pingTimeout();
      maxPayload = h.maxPayload();
      upgrades = h.upgrades();
    } catch (ProtocolException e) {
      onError(new EngineIoException("invalid handshake", e));
      return;
    }
    state = State.OPEN;
    priorWebsocketSuccess.set(transport.name.equals("websocket"));
    resetPingTimer();
    if (options.eio3()) schedulePing();
    listener.onOpen(this);
    if (state != State.OPEN) return;
    flush();
    if (options.upgrade() && transport.name.equals("polling") && upgrades.contains("websocket")) {
      startProbe("websocket");
    }
  }

  /** v3: the client sends PING one pingInterval from now and wants a PONG within pingTimeout. */
  private void schedulePing() {
    nextPing.cancel();
    nextPing =
        loop.schedule(
            () -> {
              if (state != State.OPEN) return;
              writeBuffer.add(EnginePacket.of(EnginePacketType.PING));
              flush();
              pingTimer.cancel();
              pingTimer = loop.schedule(() -> onClose("ping timeout", null), pingTimeout);
            },
            pingInterval);
  }

  private void resetPingTimer() {
    pingTimer.cancel();
    pingTimer = loop.schedule(() -> onClose("ping timeout", null), pingInterval.plus(pingTimeout));
  }

  // ---- writing

  private void flush() {
    if (state == State.CLOSED || state == State.NEW || transport == null) return;
    if (!transport.writable || upgrading || writeBuffer.isEmpty() || prevBufferLen > 0) return;
    List<EnginePacket> batch = writablePackets();
    prevBufferLen = batch.size();
    if (log.isTraceEnabled()) {
      for (EnginePacket p : batch)
        log.trace("{} sending {} on {}", sid, describe(p), transport.name);
    }
    transport.send(List.copyOf(batch));
  }

  /** Polling payloads stay within the server's maxPayload (at least one packet per request). */
  private List<EnginePacket> writablePackets() {
    if (!transport.name.equals("polling") || maxPayload <= 0) return writeBuffer;
    long size = 0;
    for (int i = 0; i < writeBuffer.size(); i++) {
      size += encodedLength(writeBuffer.get(i)) + (i > 0 ? 1 : 0);
      if (i > 0 && size > maxPayload) return writeBuffer.subList(0, i);
    }
    return writeBuffer;
  }

  private static String describe(EnginePacket p) {
    if (p.isBinary()) return "binary(" + p.binary().length + " bytes)";
    String t = p.text();
    return p.type() + " " + (t.length() > 80 ? t.substring(0, 80) + "..." : t);
  }

  static long encodedLength(EnginePacket p) {
    if (p.isBinary()) return 1 + 4L * ((p.binary().length + 2) / 3);
    return 1 + p.text().getBytes(StandardCharsets.UTF_8).length;
  }

  // ---- upgrade (PROTOCOL-NOTES 1.6)

  private void startProbe(String name) {
    probe = createTransport(name);
    probe.open();
  }

  private void sendProbe(Transport t) {
    t.send(List.of(EnginePacket.of(EnginePacketType.PING, "probe")));
  }

  private void onProbePacket(Transport t, EnginePacket p) {
    if (p.type() != EnginePacketType.PONG || !"probe".equals(p.text())) {
      t.close();
      onTransportError(t, "probe error", null);
      return;
    }
    upgrading = true;
    transport.pause(
        () -> {
          if (probe != t || state == State.CLOSED) return;
          Transport old = transport;
          old.close();
          transport = t;
          probe = null;
          priorWebsocketSuccess.set(true);
          t.send(List.of(EnginePacket.of(EnginePacketType.UPGRADE)));
          // The UPGRADE packet's drain must not clear buffered packets.
          prevBufferLen = 0;
          upgrading = false;
          listener.onUpgrade(t.name);
          flushAfterUpgrade();
        });
  }

  private void flushAfterUpgrade() {
    // The transport is busy with the UPGRADE packet; the buffer goes out on its drain.
    if (writeBuffer.isEmpty() && afterDrain != null) {
      Runnable r = afterDrain;
      afterDrain = null;
      r.run();
    }
  }

  // ---- end

  private void onError(Throwable error) {
    if (state == State.CLOSED) return;
    listener.onError(error);
    onClose("transport error", error);
  }

  private void onClose(String reason, Throwable cause) {
    if (state == State.CLOSED) return;
    state = State.CLOSED;
    pingTimer.cancel();
    nextPing.cancel();
    if (probe != null) {
      probe.close();
      probe = null;
    }
    if (transport != null) transport.close();
    writeBuffer.clear();
    prevBufferLen = 0;
    afterDrain = null;
    listener.onClose(reason, cause);
  }
}
