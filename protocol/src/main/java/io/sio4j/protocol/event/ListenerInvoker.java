package io.sio4j.protocol.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls a listener with an event's arguments bound to the types it declares: the shared piece of
 * {@code socket.on(...)} in the server and the client.
 *
 * <pre>{@code
 * ListenerInvoker invoker = new ListenerInvoker(parser.binding());
 * Listener2<Order, Ack> listener = (order, ack) -> ack.send("ok");
 * try {
 *   invoker.invoke(listener, packetArgs, ack);
 * } catch (BindingException e) {
 *   log.debug("cannot bind order: {}", e.getMessage());
 * }
 * }</pre>
 *
 * <p>Binding rules: argument {@code i} goes to parameter {@code i}; missing arguments bind as null
 * (a primitive parameter of a method reference gets its zero value), extra arguments are ignored; a
 * last parameter of type {@link Ack} gets the acknowledgement callback ({@link Ack#NONE} when none
 * was asked). Each listener class's parameter types are resolved once and cached.
 *
 * <p>Thread-safe. Exceptions thrown by the listener itself propagate unchanged to the caller.
 */
public final class ListenerInvoker {
  private final JsonBinding binding;
  private final Map<Class<?>, ListenerSignature> signatures = new ConcurrentHashMap<>();

  /** An invoker binding with {@code binding}. */
  public ListenerInvoker(JsonBinding binding) {
    this.binding = Objects.requireNonNull(binding, "binding");
  }

  /** The binding in use. */
  public JsonBinding binding() {
    return binding;
  }

  /**
   * Calls {@code listener} ({@link Listener0} to {@link Listener4} or {@link RawListener}).
   *
   * @param args the event's arguments (after the event name, or the ack's arguments)
   * @param ack the acknowledgement callback, or null when the sender asked for none
   * @throws BindingException when an argument does not fit its parameter; the listener was not
   *     called
   * @throws IllegalArgumentException when {@code listener} is not a listener type
   */
  public void invoke(Object listener, List<JsonNode> args, Ack ack) throws BindingException {
    invoke(listener, null, args, ack);
  }

  /**
   * Calls {@code listener} with the parameter types given in {@code signature} (the explicit form
   * of {@code on}), or with those read from the listener when {@code signature} is null.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void invoke(Object listener, ListenerSignature signature, List<JsonNode> args, Ack ack)
      throws BindingException {
    Objects.requireNonNull(listener, "listener");
    List<JsonNode> values = args == null ? List.of() : args;
    Ack callback = ack == null ? Ack.NONE : ack;
    if (listener instanceof RawListener raw) {
      raw.call(Collections.unmodifiableList(values), callback);
      return;
    }
    int arity = arity(listener);
    ListenerSignature sig = signature != null ? signature : signature(listener, arity);
    Object[] a = bind(sig, arity, values, callback);
    if (listener instanceof Listener0 l) l.call();
    else if (listener instanceof Listener1 l) l.call(a[0]);
    else if (listener instanceof Listener2 l) l.call(a[0], a[1]);
    else if (listener instanceof Listener3 l) l.call(a[0], a[1], a[2]);
    else ((Listener4) listener).call(a[0], a[1], a[2], a[3]);
  }

  /**
   * Calls a catch-all listener with natural values; when {@code ack} is not null it is appended as
   * the last argument, as JavaScript's {@code onAny} does.
   */
  public void invokeAny(AnyListener listener, String event, List<JsonNode> args, Ack ack) {
    List<Object> natural = new ArrayList<>(args.size() + 1);
    for (JsonNode arg : args) natural.add(binding.toNatural(arg));
    if (ack != null) natural.add(ack);
    listener.call(event, Collections.unmodifiableList(natural));
  }

  /** Whether the listener's last parameter receives the {@link Ack}. */
  public boolean acceptsAck(Object listener) {
    if (listener instanceof RawListener) return true;
    return signature(listener, arity(listener)).lastIsAck();
  }

  /** The resolved parameter types of a listener, for diagnostics. */
  public List<Type> parameterTypes(Object listener) {
    if (listener instanceof RawListener) return List.of();
    return List.of(signature(listener, arity(listener)).types());
  }

  private Object[] bind(ListenerSignature sig, int arity, List<JsonNode> args, Ack ack)
      throws BindingException {
    Type[] types = sig.types();
    Object[] bound = new Object[arity];
    int count = sig.valueCount();
    for (int i = 0; i < count; i++) {
      if (i < args.size()) {
        try {
          bound[i] = binding.fromTree(args.get(i), types[i]);
        } catch (BindingException e) {
          throw new BindingException("argument " + i + ": " + e.getMessage(), e.getCause());
        }
      } else if (types[i] instanceof Class<?> c && c.isPrimitive()) {
        bound[i] = binding.fromTree(NullNode.getInstance(), c);
      }
    }
    if (sig.lastIsAck()) bound[arity - 1] = ack;
    return bound;
  }

  private ListenerSignature signature(Object listener, int arity) {
    return signatures.computeIfAbsent(
        listener.getClass(), k -> ListenerSignature.of(listener, arity));
  }

  static int arity(Object listener) {
    if (listener instanceof Listener0) return 0;
    if (listener instanceof Listener1) return 1;
    if (listener instanceof Listener2) return 2;
    if (listener instanceof Listener3) return 3;
    if (listener instanceof Listener4) return 4;
    throw new IllegalArgumentException("not a listener type: " + listener.getClass().getName());
  }
}
