package io.sio4j.engine.internal;

import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.event.ListenerInvoker;
import io.sio4j.protocol.event.ListenerRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one engine session's events ({@code packet}, {@code packetCreate}, {@code
 * upgrading}, {@code upgrade}, {@code drain}, {@code flush}, {@code heartbeat}, {@code close}): the
 * shared {@link ListenerRegistry}. A session starts with {@link #NONE} and gets its own instance on
 * the first registration, so that a session nobody listens to (the Socket.IO server's) pays nothing
 * for it (issue 12). Host-neutral.
 *
 * <p>Threading: registration from any thread; {@link #fire} on the session's event loop, listeners
 * called there.
 */
final class SessionEvents {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");
  // values are passed as they are (emitReserved): the binding is never used to read JSON
  private static final ListenerInvoker INVOKER = new ListenerInvoker(JsonBinding.create());

  /** The events of a session nobody listens to: wants nothing, fires nothing. */
  static final SessionEvents NONE = new SessionEvents();

  private final ListenerRegistry registry; // null in NONE only

  private SessionEvents() {
    this.registry = null;
  }

  SessionEvents(String sessionId) {
    Supplier<String> owner = () -> "engine session " + sessionId;
    this.registry = new ListenerRegistry(INVOKER, Runnable::run, log, owner);
  }

  /** The registry (never called on {@link #NONE}). */
  ListenerRegistry registry() {
    return registry;
  }

  /** Whether anyone listens to {@code event} (to skip building its values). */
  boolean wants(String event) {
    return registry != null && registry.listenerCount(event) > 0;
  }

  /** Calls the listeners of {@code event} with {@code values}; a listener that throws is logged. */
  void fire(String event, Object... values) {
    if (wants(event)) registry.emitReserved(event, values);
  }

  /** The official {@code "flush"} event (the packets about to be written), then the packets. */
  List<WirePacket> flushing(List<WirePacket> packets) {
    if (wants("flush")) {
      List<EnginePacket> view = new ArrayList<>(packets.size());
      for (WirePacket p : packets) view.add(p.toPacket());
      fire("flush", Collections.unmodifiableList(view));
    }
    return packets;
  }
}
