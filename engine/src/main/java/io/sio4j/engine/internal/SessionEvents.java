package io.sio4j.engine.internal;

import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.event.ListenerInvoker;
import io.sio4j.protocol.event.ListenerRegistry;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one engine session's events ({@code packet}, {@code packetCreate}, {@code
 * upgrading}, {@code upgrade}, {@code drain}, {@code heartbeat}, {@code close}): the shared {@link
 * ListenerRegistry}, created on the first registration so that a session nobody listens to pays
 * nothing. Host-neutral.
 *
 * <p>Threading: registration from any thread; {@link #fire} on the session's event loop, listeners
 * called there.
 */
final class SessionEvents {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");
  // values are passed as they are (emitReserved): the binding is never used to read JSON
  private static final ListenerInvoker INVOKER = new ListenerInvoker(JsonBinding.create());

  private final String sessionId;
  private volatile ListenerRegistry registry;

  SessionEvents(String sessionId) {
    this.sessionId = sessionId;
  }

  /** The registry, created when first asked for. */
  ListenerRegistry registry() {
    ListenerRegistry r = registry;
    if (r != null) return r;
    synchronized (this) {
      if (registry == null) {
        String id = sessionId;
        Supplier<String> owner = () -> "engine session " + id;
        registry = new ListenerRegistry(INVOKER, Runnable::run, log, owner);
      }
      return registry;
    }
  }

  /** Whether anyone listens to {@code event} (to skip building its values). */
  boolean wants(String event) {
    ListenerRegistry r = registry;
    return r != null && r.listenerCount(event) > 0;
  }

  /** Calls the listeners of {@code event} with {@code values}; a listener that throws is logged. */
  void fire(String event, Object... values) {
    ListenerRegistry r = registry;
    if (r != null && r.listenerCount(event) > 0) r.emitReserved(event, values);
  }
}
