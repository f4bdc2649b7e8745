package io.sio4j.protocol.event;

import java.io.Serializable;

/**
 * A listener with one argument, bound to the declared type ({@code Object} gives natural values:
 * String, Number, Boolean, Map, List, byte[], null). When the type is {@link Ack} it receives the
 * acknowledgement callback instead.
 *
 * <pre>{@code
 * socket.on("chat", (String msg) -> System.out.println(msg));
 * socket.on("order", (Order order) -> orders.add(order));
 * }</pre>
 *
 * <p>{@link Serializable} only so that the declared parameter types can be read.
 *
 * @param <A> the argument type
 */
@FunctionalInterface
public interface Listener1<A> extends Serializable {
  /** Called with the first argument (null when missing). */
  void call(A a);
}
