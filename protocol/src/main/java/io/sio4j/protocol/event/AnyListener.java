package io.sio4j.protocol.event;

import java.util.List;

/**
 * A catch-all listener, as {@code socket.onAny} / {@code onAnyOutgoing} in JavaScript: the event
 * name and its arguments as natural Java values (String, Number, Boolean, Map, List, byte[], null).
 * As in JavaScript, an incoming event that asked for an acknowledgement has its {@link Ack} as the
 * last element ({@link ListenerInvoker#invokeAny} does this). For outgoing events ({@code
 * onAnyOutgoing}) the arguments are the values given to {@code emit}, as they are.
 *
 * <pre>{@code
 * socket.onAny((event, args) -> log.info("got {} {}", event, args));
 * }</pre>
 */
@FunctionalInterface
public interface AnyListener {
  /** Called for every event; {@code args} is unmodifiable. */
  void call(String event, List<Object> args);
}
