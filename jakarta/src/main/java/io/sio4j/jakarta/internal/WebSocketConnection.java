package io.sio4j.jakarta.internal;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.internal.EngineSession;
import io.sio4j.engine.internal.Transport;
import io.sio4j.engine.internal.WirePacket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket {@link Transport} over a Jakarta WebSocket session. Frames go out through the async
 * remote one at a time (the API allows one outstanding send); the session's write buffer keeps the
 * rest under its bound, as it does with a Netty channel that is not writable, and gets flushed
 * again when the last frame is sent.
 *
 * <p>Threading: the {@link Transport} methods run on the session's executor; send completions
 * arrive on container threads and hop back there.
 */
final class WebSocketConnection extends Transport implements SendHandler {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");

  private final Session ws;
  private final EngineSession session;
  private final boolean base64;
  private final ArrayDeque<WirePacket> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean closed;
  private boolean closeWhenSent;

  WebSocketConnection(Session ws, EngineSession session, boolean base64) {
    this.ws = ws;
    this.session = session;
    this.base64 = base64;
  }

  @Override
  protected String name() {
    return EngineOptions.WEBSOCKET;
  }

  @Override
  protected boolean writable() {
    return !closed && !sending && queue.isEmpty() && ws.isOpen();
  }

  @Override
  protected void send(List<WirePacket> packets) {
    queue.addAll(packets);
    pump();
  }

  private void pump() {
    if (sending) return;
    WirePacket p = queue.poll();
    if (p == null) {
      if (closeWhenSent) closeNow();
      return;
    }
    sending = true;
    try {
      if (!p.isBinary()) {
        ws.getAsyncRemote().sendText(new String(p.textBytes(), StandardCharsets.UTF_8), this);
      } else if (base64) {
        ws.getAsyncRemote()
            .sendText(
                new String(p.base64Frame(session.protocol()), StandardCharsets.US_ASCII), this);
      } else {
        ws.getAsyncRemote()
            .sendBinary(
                ByteBuffer.wrap(p.binaryFrame(session.protocol())).asReadOnlyBuffer(), this);
      }
    } catch (RuntimeException e) {
      sending = false;
      queue.clear();
      session.onTransportError(this, e.toString());
    }
  }

  /** A frame went out (or failed): on a container thread. */
  @Override
  public void onResult(SendResult result) {
    session
        .loop()
        .execute(
            () -> {
              sending = false;
              if (!result.isOK()) {
                queue.clear();
                session.onTransportError(this, String.valueOf(result.getException()));
                return;
              }
              pump();
              if (!sending && !closed) session.flush();
            });
  }

  @Override
  protected void close(Runnable onClosed) {
    if (!closed) {
      closed = true;
      if (sending || !queue.isEmpty()) closeWhenSent = true;
      else closeNow();
    }
    if (onClosed != null) onClosed.run();
  }

  private void closeNow() {
    closeWhenSent = false;
    if (!ws.isOpen()) return;
    try {
      ws.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    } catch (IOException | RuntimeException e) {
      log.debug("session {}: websocket close failed: {}", session.id(), e.toString());
    }
  }

  @Override
  protected void discard() {
    closed = true;
  }

  /** The connection is gone (closed by the peer or the container). */
  void markClosed() {
    closed = true;
    queue.clear();
  }

  @Override
  public String toString() {
    return "websocket " + ws.getId();
  }
}
