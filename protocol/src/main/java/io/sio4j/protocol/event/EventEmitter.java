package io.sio4j.protocol.event;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/**
 * Listening to events, the same on the server's and the client's sockets and on the client's
 * Manager: JavaScript's emitter ({@code on}, {@code once}, {@code off}, {@code removeAllListeners},
 * {@code listeners}, {@code listenerCount}) with Java types. Every method is a {@code default} over
 * {@link #listenerRegistry()}, so both sides behave alike: a null event name or listener throws
 * {@link NullPointerException}, every method returns this emitter.
 *
 * <pre>{@code
 * socket.on("chat", (String msg) -> System.out.println(msg));          // types read from the lambda
 * socket.on("order", Order.class, order -> orders.add(order));          // explicit type
 * socket.on("orders", new TypeReference<List<Order>>() {}, list -> ...); // explicit generic type
 * socket.on("rename", String.class, String.class, (from, to, ack) -> ack.send("ok"));
 * socket.once("ready", () -> socket.emit("start"));
 * socket.off("chat", listener).removeAllListeners("order");
 * }</pre>
 *
 * <h2>Explicit or inferred types</h2>
 *
 * {@code on(event, (Order o) -> ...)} reads {@code Order} from the lambda (see the package
 * documentation). That is a convenience: for generic types ({@code List<Order>} written in a lambda
 * arrives as a list of maps) and in modular applications prefer the explicit form, {@code on(event,
 * Order.class, o -> ...)} or {@code on(event, new TypeReference<List<Order>>() {}, ...)}, which
 * reads nothing from the lambda. When the types of a lambda cannot be read, its arguments arrive as
 * natural values and one WARN per listener class says which fix applies. A listener in a named
 * module is read when its package {@code opens} to {@code io.sio4j.protocol}. For two or three
 * arguments pass all types as {@code Class} or all as {@code TypeReference} (a {@code Class} type
 * reads {@code new TypeReference<Order>() {}}). A variant whose listener takes one parameter more
 * receives the {@link Ack} last.
 *
 * <p>Thread-safe when the registry is (both sides' are).
 *
 * @param <T> the emitter's own type, returned by every method
 */
public interface EventEmitter<T extends EventEmitter<T>> {

  /** The registry behind this emitter (the one abstract method; used by sio4j itself). */
  ListenerRegistry listenerRegistry();

  /** Listens to an event, without its arguments. */
  default T on(String event, Listener0 listener) {
    return add(event, listener, false);
  }

  /** Listens to an event; the argument binds to the lambda's declared type. */
  default <A> T on(String event, Listener1<A> listener) {
    return add(event, listener, false);
  }

  /**
   * Listens to an event; the arguments bind to the declared types, a last {@link Ack} parameter
   * gets the acknowledgement.
   */
  default <A, B> T on(String event, Listener2<A, B> listener) {
    return add(event, listener, false);
  }

  /**
   * Listens to an event; the arguments bind to the declared types, a last {@link Ack} parameter
   * gets the acknowledgement.
   */
  default <A, B, C> T on(String event, Listener3<A, B, C> listener) {
    return add(event, listener, false);
  }

  /**
   * Listens to an event; the arguments bind to the declared types, a last {@link Ack} parameter
   * gets the acknowledgement.
   */
  default <A, B, C, D> T on(String event, Listener4<A, B, C, D> listener) {
    return add(event, listener, false);
  }

  /**
   * Listens to an event, with its arguments as Jackson trees. (A separate name, not an {@code on}
   * overload, so that an untyped two-parameter lambda still means {@link Listener2}.)
   */
  default T onRaw(String event, RawListener listener) {
    return add(event, listener, false);
  }

  /** Listens to the next occurrence of an event only, without its arguments. */
  default T once(String event, Listener0 listener) {
    return add(event, listener, true);
  }

  /**
   * Listens to the next occurrence of an event only; the argument binds to the lambda's declared
   * type.
   */
  default <A> T once(String event, Listener1<A> listener) {
    return add(event, listener, true);
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the declared types, a
   * last {@link Ack} parameter gets the acknowledgement.
   */
  default <A, B> T once(String event, Listener2<A, B> listener) {
    return add(event, listener, true);
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the declared types, a
   * last {@link Ack} parameter gets the acknowledgement.
   */
  default <A, B, C> T once(String event, Listener3<A, B, C> listener) {
    return add(event, listener, true);
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the declared types, a
   * last {@link Ack} parameter gets the acknowledgement.
   */
  default <A, B, C, D> T once(String event, Listener4<A, B, C, D> listener) {
    return add(event, listener, true);
  }

  /** Listens to the next occurrence of an event only, with its arguments as Jackson trees. */
  default T onceRaw(String event, RawListener listener) {
    return add(event, listener, true);
  }

  /** Listens to an event; the argument binds to the given type. */
  default <A> T on(String event, Class<A> a, Listener1<A> listener) {
    return typed(event, listener, false, false, a);
  }

  /** Listens to an event; the argument binds to the given type, then the {@link Ack}. */
  default <A> T on(String event, Class<A> a, Listener2<A, Ack> listener) {
    return typed(event, listener, false, true, a);
  }

  /** Listens to an event; the arguments bind to the given types. */
  default <A, B> T on(String event, Class<A> a, Class<B> b, Listener2<A, B> listener) {
    return typed(event, listener, false, false, a, b);
  }

  /** Listens to an event; the arguments bind to the given types, then the {@link Ack}. */
  default <A, B> T on(String event, Class<A> a, Class<B> b, Listener3<A, B, Ack> listener) {
    return typed(event, listener, false, true, a, b);
  }

  /** Listens to an event; the arguments bind to the given types. */
  default <A, B, C> T on(
      String event, Class<A> a, Class<B> b, Class<C> c, Listener3<A, B, C> listener) {
    return typed(event, listener, false, false, a, b, c);
  }

  /** Listens to an event; the arguments bind to the given types, then the {@link Ack}. */
  default <A, B, C> T on(
      String event, Class<A> a, Class<B> b, Class<C> c, Listener4<A, B, C, Ack> listener) {
    return typed(event, listener, false, true, a, b, c);
  }

  /** Listens to an event; the argument binds to the given generic type. */
  default <A> T on(String event, TypeReference<A> a, Listener1<A> listener) {
    return typed(event, listener, false, false, a.getType());
  }

  /** Listens to an event; the argument binds to the given generic type, then the {@link Ack}. */
  default <A> T on(String event, TypeReference<A> a, Listener2<A, Ack> listener) {
    return typed(event, listener, false, true, a.getType());
  }

  /** Listens to an event; the arguments bind to the given generic types. */
  default <A, B> T on(
      String event, TypeReference<A> a, TypeReference<B> b, Listener2<A, B> listener) {
    return typed(event, listener, false, false, a.getType(), b.getType());
  }

  /** Listens to an event; the arguments bind to the given generic types, then the {@link Ack}. */
  default <A, B> T on(
      String event, TypeReference<A> a, TypeReference<B> b, Listener3<A, B, Ack> listener) {
    return typed(event, listener, false, true, a.getType(), b.getType());
  }

  /** Listens to an event; the arguments bind to the given generic types. */
  default <A, B, C> T on(
      String event,
      TypeReference<A> a,
      TypeReference<B> b,
      TypeReference<C> c,
      Listener3<A, B, C> listener) {
    return typed(event, listener, false, false, a.getType(), b.getType(), c.getType());
  }

  /** Listens to an event; the arguments bind to the given generic types, then the {@link Ack}. */
  default <A, B, C> T on(
      String event,
      TypeReference<A> a,
      TypeReference<B> b,
      TypeReference<C> c,
      Listener4<A, B, C, Ack> listener) {
    return typed(event, listener, false, true, a.getType(), b.getType(), c.getType());
  }

  /** Listens to the next occurrence of an event only; the argument binds to the given type. */
  default <A> T once(String event, Class<A> a, Listener1<A> listener) {
    return typed(event, listener, true, false, a);
  }

  /**
   * Listens to the next occurrence of an event only; the argument binds to the given type, then the
   * {@link Ack}.
   */
  default <A> T once(String event, Class<A> a, Listener2<A, Ack> listener) {
    return typed(event, listener, true, true, a);
  }

  /** Listens to the next occurrence of an event only; the arguments bind to the given types. */
  default <A, B> T once(String event, Class<A> a, Class<B> b, Listener2<A, B> listener) {
    return typed(event, listener, true, false, a, b);
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the given types, then
   * the {@link Ack}.
   */
  default <A, B> T once(String event, Class<A> a, Class<B> b, Listener3<A, B, Ack> listener) {
    return typed(event, listener, true, true, a, b);
  }

  /** Listens to the next occurrence of an event only; the arguments bind to the given types. */
  default <A, B, C> T once(
      String event, Class<A> a, Class<B> b, Class<C> c, Listener3<A, B, C> listener) {
    return typed(event, listener, true, false, a, b, c);
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the given types, then
   * the {@link Ack}.
   */
  default <A, B, C> T once(
      String event, Class<A> a, Class<B> b, Class<C> c, Listener4<A, B, C, Ack> listener) {
    return typed(event, listener, true, true, a, b, c);
  }

  /**
   * Listens to the next occurrence of an event only; the argument binds to the given generic type.
   */
  default <A> T once(String event, TypeReference<A> a, Listener1<A> listener) {
    return typed(event, listener, true, false, a.getType());
  }

  /**
   * Listens to the next occurrence of an event only; the argument binds to the given generic type,
   * then the {@link Ack}.
   */
  default <A> T once(String event, TypeReference<A> a, Listener2<A, Ack> listener) {
    return typed(event, listener, true, true, a.getType());
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the given generic types.
   */
  default <A, B> T once(
      String event, TypeReference<A> a, TypeReference<B> b, Listener2<A, B> listener) {
    return typed(event, listener, true, false, a.getType(), b.getType());
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the given generic types,
   * then the {@link Ack}.
   */
  default <A, B> T once(
      String event, TypeReference<A> a, TypeReference<B> b, Listener3<A, B, Ack> listener) {
    return typed(event, listener, true, true, a.getType(), b.getType());
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the given generic types.
   */
  default <A, B, C> T once(
      String event,
      TypeReference<A> a,
      TypeReference<B> b,
      TypeReference<C> c,
      Listener3<A, B, C> listener) {
    return typed(event, listener, true, false, a.getType(), b.getType(), c.getType());
  }

  /**
   * Listens to the next occurrence of an event only; the arguments bind to the given generic types,
   * then the {@link Ack}.
   */
  default <A, B, C> T once(
      String event,
      TypeReference<A> a,
      TypeReference<B> b,
      TypeReference<C> c,
      Listener4<A, B, C, Ack> listener) {
    return typed(event, listener, true, true, a.getType(), b.getType(), c.getType());
  }

  /** Removes one listener (the instance given to {@code on} or {@code once}). */
  default T off(String event, Object listener) {
    listenerRegistry().remove(event, listener);
    return self();
  }

  /** Removes every listener of an event; same as {@link #removeAllListeners(String)}. */
  default T off(String event) {
    return removeAllListeners(event);
  }

  /** Removes every listener of an event. */
  default T removeAllListeners(String event) {
    listenerRegistry().removeAll(event);
    return self();
  }

  /** Removes every listener of every event (the catch-all listeners stay, as in JavaScript). */
  default T removeAllListeners() {
    listenerRegistry().removeAll();
    return self();
  }

  /** The listeners of an event, in call order; an unmodifiable snapshot. */
  default List<Object> listeners(String event) {
    return listenerRegistry().listeners(event);
  }

  /** The number of listeners of an event. */
  default int listenerCount(String event) {
    return listenerRegistry().listenerCount(event);
  }

  /** Whether an event has listeners (the JavaScript client's {@code hasListeners}). */
  default boolean hasListeners(String event) {
    return listenerCount(event) > 0;
  }

  private T add(String event, Object listener, boolean once) {
    listenerRegistry().add(event, listener, once);
    return self();
  }

  private T typed(
      String event,
      Object listener,
      boolean once,
      boolean lastIsAck,
      java.lang.reflect.Type... types) {
    listenerRegistry().addTyped(event, listener, once, lastIsAck, types);
    return self();
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }
}
