package io.sio4j.client.internal.engine;

import io.sio4j.client.transport.HttpConnector;
import io.sio4j.client.transport.HttpConnector.Request;
import io.sio4j.client.transport.HttpConnector.Response;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EngineCodec;
import io.sio4j.protocol.engineio.EngineCodecV3;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.engineio.EnginePacketType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP long-polling: one GET waiting for data at a time, one POST carrying a payload at a time
 * (PROTOCOL-NOTES 1.1, 1.5). Confined to the {@link ClientLoop}.
 */
final class PollingTransport extends Transport {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client.polling");

  private final Duration requestTimeout; // null: none (ClientOptions#requestTimeout)
  private boolean polling;
  private Runnable onPaused;

  PollingTransport(
      Supplier<URI> uris,
      ClientLoop loop,
      HttpConnector http,
      Map<String, List<String>> headers,
      Duration requestTimeout,
      Events events,
      int maxPackets) {
    super("polling", uris, loop, http, headers, events, maxPackets);
    this.requestTimeout = requestTimeout;
  }

  @Override
  void open() {
    poll();
  }

  private void poll() {
    polling = true;
    http.send(new Request("GET", uris.get(), headers, null, requestTimeout))
        .whenComplete((r, e) -> loop.execute(() -> onPollResult(r, e)));
  }

  private void onPollResult(Response r, Throwable error) {
    polling = false;
    if (state == State.CLOSED) return;
    if (error != null) {
      fail("xhr poll error", error);
      return;
    }
    if (r.status() != 200) {
      fail("xhr poll error", new ProtocolException("HTTP " + r.status() + " " + preview(r)));
      return;
    }
    List<EnginePacket> packets;
    try {
      packets =
          v3
              ? EngineCodecV3.decodePayload(r.body(), maxPackets)
              : EngineCodec.decodePayload(r.body(), maxPackets);
    } catch (ProtocolException e) {
      log.debug("invalid polling payload: {}", e.getMessage());
      fail("parse error", e);
      return;
    }
    for (EnginePacket p : packets) {
      if (state == State.OPENING && p.type() == EnginePacketType.OPEN) {
        state = State.OPEN;
        writable = true;
        events.onTransportOpen(this);
      }
      if (p.type() == EnginePacketType.CLOSE) {
        closedByPeer();
        return;
      }
      events.onPacket(this, p);
      if (state == State.CLOSED) return;
    }
    if (state == State.OPENING) {
      fail("parse error", new ProtocolException("the first response holds no handshake"));
    } else if (state == State.PAUSED) {
      maybePaused();
    } else if (state == State.OPEN) {
      poll();
    }
  }

  @Override
  void send(List<EnginePacket> packets) {
    writable = false;
    http.send(new Request("POST", uris.get(), headers, encode(packets), requestTimeout))
        .whenComplete((r, e) -> loop.execute(() -> onWriteResult(r, e)));
  }

  private void onWriteResult(Response r, Throwable error) {
    if (state == State.CLOSED) return;
    if (error != null) {
      fail("xhr post error", error);
      return;
    }
    if (r.status() != 200) {
      fail("xhr post error", new ProtocolException("HTTP " + r.status() + " " + preview(r)));
      return;
    }
    writable = true;
    events.onDrain(this);
    if (state == State.PAUSED) maybePaused();
  }

  @Override
  void pause(Runnable onPaused) {
    state = State.PAUSED;
    this.onPaused = onPaused;
    maybePaused();
  }

  @Override
  void resume() {
    state = State.OPEN;
    onPaused = null;
    if (!polling) poll();
  }

  private void maybePaused() {
    if (polling || !writable || onPaused == null) return;
    Runnable r = onPaused;
    onPaused = null;
    r.run();
  }

  @Override
  void close() {
    if (state == State.OPEN) {
      // Tell the server the session ends (PROTOCOL-NOTES 1.7); the answer is not awaited.
      http.send(
          new Request(
              "POST",
              uris.get(),
              headers,
              encode(List.of(EnginePacket.of(EnginePacketType.CLOSE)))));
    }
    state = State.CLOSED;
    writable = false;
  }

  private String encode(List<EnginePacket> packets) {
    return v3 ? EngineCodecV3.encodePayload(packets) : EngineCodec.encodePayload(packets);
  }

  private static String preview(Response r) {
    String body = r.body() == null ? "" : r.body();
    return body.length() > 100 ? body.substring(0, 100) + "..." : body;
  }
}
