package io.sio4j.protocol.event;

import java.util.List;

/**
 * A socket's emitter: {@link EventEmitter} plus JavaScript's catch-all listeners, for incoming
 * ({@code onAny}) and outgoing ({@code onAnyOutgoing}) events. The server's and the client's {@code
 * Socket} both implement it.
 *
 * <pre>{@code
 * socket.onAny((event, args) -> log.debug("got {} {}", event, args));
 * socket.onAnyOutgoing((event, args) -> log.debug("sent {} {}", event, args));
 * socket.offAny();   // removes every incoming catch-all listener
 * }</pre>
 *
 * <p>Incoming catch-all listeners run before the event's own listeners and get natural values
 * (String, Number, Boolean, Map, List, byte[], null), the {@link Ack} last when one was asked.
 * Outgoing ones get the values given to {@code emit} on the client and natural values on the server
 * (where broadcasts pass through them too).
 *
 * @param <T> the emitter's own type, returned by every method
 */
public interface SocketEventEmitter<T extends SocketEventEmitter<T>> extends EventEmitter<T> {

  /** Adds a catch-all listener for incoming events. */
  default T onAny(AnyListener listener) {
    listenerRegistry().addAny(listener, false);
    return me();
  }

  /** Adds a catch-all listener for incoming events, before the others. */
  default T prependAny(AnyListener listener) {
    listenerRegistry().addAny(listener, true);
    return me();
  }

  /** Removes an incoming catch-all listener. */
  default T offAny(AnyListener listener) {
    listenerRegistry().removeAny(java.util.Objects.requireNonNull(listener, "listener"));
    return me();
  }

  /** Removes every incoming catch-all listener. */
  default T offAny() {
    listenerRegistry().removeAny(null);
    return me();
  }

  /** The incoming catch-all listeners; an unmodifiable snapshot. */
  default List<AnyListener> listenersAny() {
    return listenerRegistry().listenersAny();
  }

  /** Adds a catch-all listener for outgoing events. */
  default T onAnyOutgoing(AnyListener listener) {
    listenerRegistry().addAnyOutgoing(listener, false);
    return me();
  }

  /** Adds a catch-all listener for outgoing events, before the others. */
  default T prependAnyOutgoing(AnyListener listener) {
    listenerRegistry().addAnyOutgoing(listener, true);
    return me();
  }

  /** Removes an outgoing catch-all listener. */
  default T offAnyOutgoing(AnyListener listener) {
    listenerRegistry().removeAnyOutgoing(java.util.Objects.requireNonNull(listener, "listener"));
    return me();
  }

  /** Removes every outgoing catch-all listener. */
  default T offAnyOutgoing() {
    listenerRegistry().removeAnyOutgoing(null);
    return me();
  }

  /** The outgoing catch-all listeners; an unmodifiable snapshot. */
  default List<AnyListener> listenersAnyOutgoing() {
    return listenerRegistry().listenersAnyOutgoing();
  }

  @SuppressWarnings("unchecked")
  private T me() {
    return (T) this;
  }
}
