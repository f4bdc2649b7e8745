package io.sio4j.client.internal.engine;

import io.sio4j.client.transport.HttpConnector;
import io.sio4j.client.transport.HttpConnector.WebSocketConnection;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EngineCodecV3;
import io.sio4j.protocol.engineio.EnginePacket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket: one Engine.IO packet per frame, binary MESSAGEs as binary frames without a type byte
 * (PROTOCOL-NOTES 1.1). Confined to the {@link ClientLoop}.
 */
final class WebSocketTransport extends Transport {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client.websocket");

  private final List<String> protocols; // ClientOptions#protocols
  private final Frames frames;
  private WebSocketConnection connection;

  WebSocketTransport(
      Supplier<URI> uris,
      ClientLoop loop,
      HttpConnector http,
      Map<String, List<String>> headers,
      List<String> protocols,
      Events events,
      int maxPackets,
      int maxQueued) {
    super("websocket", uris, loop, http, headers, events, maxPackets);
    this.protocols = protocols;
    this.frames = new Frames(maxQueued);
  }

  @Override
  void open() {
    http.openWebSocket(uris.get(), headers, protocols, frames)
        .whenComplete((c, e) -> loop.execute(() -> onConnected(c, e)));
  }

  /** The most messages that ever waited for the loop at once (tests observe the bound). */
  int queuedHighWater() {
    return frames.highWater();
  }

  private void onConnected(WebSocketConnection c, Throwable error) {
    if (state == State.CLOSED) {
      if (c != null) c.abort();
      return;
    }
    if (error != null) {
      fail("websocket error", error);
      return;
    }
    connection = c;
    state = State.OPEN;
    writable = true;
    events.onTransportOpen(this);
  }

  @Override
  void send(List<EnginePacket> packets) {
    writable = false;
    CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    for (EnginePacket p : packets) {
      last =
          p.isBinary()
              ? connection.sendBinary(v3 ? EngineCodecV3.encodeBinaryFrame(p) : p.binary())
              : connection.sendText(v3 ? EngineCodecV3.encodeText(p) : EngineCodec.encodeText(p));
    }
    last.whenComplete(
        (v, e) ->
            loop.execute(
                () -> {
                  if (state == State.CLOSED) return;
                  if (e != null) {
                    fail("websocket error", e);
                    return;
                  }
                  writable = true;
                  events.onDrain(this);
                }));
  }

  @Override
  void close() {
    if (connection != null && state != State.CLOSED) connection.close();
    state = State.CLOSED;
    writable = false;
  }

  /**
   * Receives messages on the connector's thread and hands them to the loop, pausing the connector
   * while {@code maxQueued} of them wait there (ClientOptions#maxQueuedIncomingMessages) and
   * resuming at half. {@code queued}, {@code highWater}, {@code paused} and {@code reader} are
   * guarded by {@code this}.
   */
  private final class Frames implements HttpConnector.WebSocketListener {
    private final int maxQueued;
    private int queued;
    private int highWater;
    private boolean paused;
    private WebSocketConnection reader;

    Frames(int maxQueued) {
      this.maxQueued = maxQueued;
    }

    synchronized int highWater() {
      return highWater;
    }

    /** The connection, before its first message (a pause decided earlier applies now). */
    @Override
    public synchronized void onOpen(WebSocketConnection c) {
      reader = c;
      if (paused) c.pauseReading();
    }

    private synchronized void received() {
      queued++;
      highWater = Math.max(highWater, queued);
      if (queued >= maxQueued && !paused) {
        paused = true;
        log.debug("{} messages wait for the client's thread: reading paused", queued);
        if (reader != null) reader.pauseReading();
      }
    }

    private synchronized void handled() {
      queued--;
      if (paused && queued <= maxQueued / 2) {
        paused = false;
        log.debug("reading resumed");
        if (reader != null) reader.resumeReading();
      }
    }

    @Override
    public void onText(String text) {
      received();
      loop.execute(
          () -> {
            try {
              if (state == State.CLOSED) return;
              EnginePacket p;
              try {
                p = v3 ? EngineCodecV3.decodeText(text) : EngineCodec.decodeText(text);
              } catch (ProtocolException e) {
                log.debug("invalid WebSocket frame: {}", e.getMessage());
                fail("parse error", e);
                return;
              }
              events.onPacket(WebSocketTransport.this, p);
            } finally {
              handled();
            }
          });
    }

    @Override
    public void onBinary(byte[] data) {
      received();
      loop.execute(
          () -> {
            try {
              if (state != State.CLOSED) {
                EnginePacket p;
                try {
                  p =
                      v3
                          ? EngineCodecV3.decodeBinaryFrame(data)
                          : EngineCodec.decodeBinaryFrame(data);
                } catch (ProtocolException e) {
                  log.debug("invalid WebSocket frame: {}", e.getMessage());
                  fail("parse error", e);
                  return;
                }
                events.onPacket(WebSocketTransport.this, p);
              }
            } finally {
              handled();
            }
          });
    }

    @Override
    public void onClose(int code, String reason) {
      loop.execute(WebSocketTransport.this::closedByPeer);
    }

    @Override
    public void onError(Throwable error) {
      loop.execute(() -> fail("websocket error", error));
    }
  }
}
