package io.sio4j.client.internal.engine;

import io.sio4j.client.transport.HttpConnector;
import io.sio4j.client.transport.HttpConnector.WebSocketConnection;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
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
  private WebSocketConnection connection;

  WebSocketTransport(
      Supplier<URI> uris,
      ClientLoop loop,
      HttpConnector http,
      Map<String, List<String>> headers,
      List<String> protocols,
      Events events,
      int maxPackets) {
    super("websocket", uris, loop, http, headers, events, maxPackets);
    this.protocols = protocols;
  }

  @Override
  void open() {
    http.openWebSocket(uris.get(), headers, protocols, new Frames())
        .whenComplete((c, e) -> loop.execute(() -> onConnected(c, e)));
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
              ? connection.sendBinary(p.binary())
              : connection.sendText(EngineCodec.encodeText(p));
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

  /** Receives frames on the connector's thread and hands them to the loop. */
  private final class Frames implements HttpConnector.WebSocketListener {
    @Override
    public void onText(String text) {
      loop.execute(
          () -> {
            if (state == State.CLOSED) return;
            EnginePacket p;
            try {
              p = EngineCodec.decodeText(text);
            } catch (ProtocolException e) {
              log.debug("invalid WebSocket frame: {}", e.getMessage());
              fail("parse error", e);
              return;
            }
            events.onPacket(WebSocketTransport.this, p);
          });
    }

    @Override
    public void onBinary(byte[] data) {
      loop.execute(
          () -> {
            if (state != State.CLOSED) {
              events.onPacket(WebSocketTransport.this, EngineCodec.decodeBinaryFrame(data));
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
