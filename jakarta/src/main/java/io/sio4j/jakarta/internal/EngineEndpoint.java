package io.sio4j.jakarta.internal;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.internal.EngineCore;
import io.sio4j.engine.internal.EngineSession;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EngineCodecV3;
import io.sio4j.protocol.engineio.EnginePacket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO WebSocket on the Jakarta host, made per connection by {@link EngineServlet} once
 * the request passed the engine's checks: either the first transport of a new session (a
 * WebSocket-only handshake) or the probe of an upgrade. Frames are decoded on the container's
 * thread and handed, in order, to the session's executor. Messages are bounded by maxHttpBufferSize
 * (the container closes with 1009 beyond it).
 *
 * <p>Public only because containers instantiate endpoint classes they can see; the package is not
 * exported.
 *
 * <p>Threading: the container calls the endpoint one callback at a time per connection.
 */
public final class EngineEndpoint extends Endpoint {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");
  private static final long IDLE_MARGIN_MS = 5_000;

  private final EngineCore core;
  private final EngineSession session;
  private final boolean fresh;
  private final boolean base64;
  private volatile WebSocketConnection conn;

  /**
   * @param fresh whether the session is new (this WebSocket opens it), else this is an upgrade
   * @param base64 whether binary messages go out as {@code b<base64>} text frames
   */
  EngineEndpoint(EngineCore core, EngineSession session, boolean fresh, boolean base64) {
    this.core = core;
    this.session = session;
    this.fresh = fresh;
    this.base64 = base64;
  }

  @Override
  public void onOpen(Session ws, EndpointConfig config) {
    EngineOptions options = core.options();
    ws.setMaxTextMessageBufferSize(options.maxHttpBufferSize());
    ws.setMaxBinaryMessageBufferSize(options.maxHttpBufferSize());
    // like the Netty host: quiet for longer than a heartbeat round means dead
    ws.setMaxIdleTimeout(
        options.pingInterval().plus(options.pingTimeout()).toMillis() + IDLE_MARGIN_MS);
    WebSocketConnection c = new WebSocketConnection(ws, session, base64);
    conn = c;
    ws.addMessageHandler(String.class, this::onText);
    ws.addMessageHandler(ByteBuffer.class, this::onBinary);
    if (fresh) {
      session
          .loop()
          .execute(
              () -> {
                if (core.register(session)) {
                  session.open(c, core.upgradesFrom(EngineOptions.WEBSOCKET));
                  core.fireConnection(session);
                } else {
                  // a generated id taken meanwhile by another handshake
                  log.debug("session id {} taken during the handshake, closing", session.id());
                  c.markClosed();
                  closeQuietly(ws);
                }
              });
    } else {
      session.loop().execute(() -> session.maybeUpgrade(c));
    }
  }

  private static void closeQuietly(Session ws) {
    try {
      ws.close();
    } catch (java.io.IOException e) {
      log.debug("close failed: {}", e.toString());
    }
  }

  private void onText(String data) {
    WebSocketConnection c = conn;
    EnginePacket packet;
    try {
      packet =
          session.protocol() == 3
              ? EngineCodecV3.decodeText(data)
              : EngineCodec.decodeTextFrame(data);
    } catch (ProtocolException e) {
      String why = e.getMessage();
      session.loop().execute(() -> session.onParseError(c, why));
      return;
    }
    session.loop().execute(() -> session.onPacket(c, packet));
  }

  private void onBinary(ByteBuffer data) {
    WebSocketConnection c = conn;
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    EnginePacket packet;
    try {
      packet =
          session.protocol() == 3
              ? EngineCodecV3.decodeBinaryFrame(bytes)
              : EngineCodec.decodeBinaryFrame(bytes);
    } catch (ProtocolException e) {
      String why = e.getMessage();
      session.loop().execute(() -> session.onParseError(c, why));
      return;
    }
    session.loop().execute(() -> session.onPacket(c, packet));
  }

  @Override
  public void onClose(Session ws, CloseReason reason) {
    WebSocketConnection c = conn;
    if (c == null) return;
    session
        .loop()
        .execute(
            () -> {
              c.markClosed();
              session.onTransportClose(c);
            });
  }

  @Override
  public void onError(Session ws, Throwable cause) {
    WebSocketConnection c = conn;
    log.debug("session {}: websocket error: {}", session.id(), cause.toString());
    if (c == null) return;
    session.loop().execute(() -> session.onTransportError(c, cause.toString()));
  }
}
