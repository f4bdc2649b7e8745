package io.sio4j.client.internal.engine;

import io.sio4j.client.transport.HttpConnector;
import io.sio4j.protocol.engineio.EnginePacket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One Engine.IO transport (polling or WebSocket) of one session. Confined to the {@link
 * ClientLoop}: every method is called there and every event is delivered there.
 */
abstract class Transport {
  /** What a transport reports to its {@link EngineClient}. */
  interface Events {
    void onTransportOpen(Transport t);

    void onPacket(Transport t, EnginePacket packet);

    void onDrain(Transport t);

    void onTransportError(Transport t, String message, Throwable cause);

    void onTransportClose(Transport t, String reason);
  }

  enum State {
    OPENING,
    OPEN,
    PAUSED,
    CLOSED
  }

  final String name;
  final ClientLoop loop;
  final HttpConnector http;
  final Map<String, List<String>> headers;
  final Events events;
  final int maxPackets;

  /** Engine.IO v3 framing (ClientOptions#eio3); set once, before {@link #open()}. */
  boolean v3;

  /** Builds the URI of the next request (fresh timestamp, current sid). */
  final Supplier<URI> uris;

  State state = State.OPENING;
  boolean writable;

  Transport(
      String name,
      Supplier<URI> uris,
      ClientLoop loop,
      HttpConnector http,
      Map<String, List<String>> headers,
      Events events,
      int maxPackets) {
    this.name = name;
    this.uris = uris;
    this.loop = loop;
    this.http = http;
    this.headers = headers;
    this.events = events;
    this.maxPackets = maxPackets;
  }

  abstract void open();

  abstract void send(List<EnginePacket> packets);

  /** Stops the transport; no event is delivered afterwards. */
  abstract void close();

  /** Pauses reading and writing (polling, during an upgrade); runs {@code onPaused} when idle. */
  void pause(Runnable onPaused) {
    state = State.PAUSED;
    onPaused.run();
  }

  /** Undoes {@link #pause}, after a failed upgrade. */
  void resume() {
    state = State.OPEN;
  }

  /**
   * Reports an error once and closes. An OutOfMemoryError (any VirtualMachineError) is thrown on
   * instead: it is not the connection's fault, and reporting it as a transport error would hide it
   * behind reconnections (issue 14).
   */
  void fail(String message, Throwable cause) {
    if (cause instanceof VirtualMachineError vme) throw vme;
    if (state == State.CLOSED) return;
    close();
    events.onTransportError(this, message, cause);
  }

  /** Reports that the peer ended the transport. */
  void closedByPeer() {
    if (state == State.CLOSED) return;
    close();
    events.onTransportClose(this, "transport close");
  }
}
