/**
 * The one event emitter of sio4j, shared by the server's and the client's sockets and the client's
 * Manager: the emitter interfaces ({@link io.sio4j.protocol.event.EventEmitter}, {@link
 * io.sio4j.protocol.event.SocketEventEmitter}) over one {@link
 * io.sio4j.protocol.event.ListenerRegistry}, the listener types, the argument view {@link
 * io.sio4j.protocol.event.Arguments} and the Jackson binding, so {@code socket.on(...)} behaves the
 * same on both sides.
 *
 * <pre>{@code
 * socket.on("order", Order.class, order -> ...);                             // explicit type
 * socket.on("orders", new TypeReference<List<Order>>() {}, orders -> ...);   // explicit generic type
 * socket.on("chat", (String msg) -> System.out.println(msg));
 * socket.on("order", (Order o, Ack ack) -> ack.send("ok"));
 * socket.on("anything", msg -> log.info("{}", msg));   // natural values: String, Map, List, ...
 * socket.onRaw("raw", (args, ack) -> ...);  // Jackson trees, unbound
 * socket.onAny((event, args) -> ...);                  // AnyListener
 * }</pre>
 *
 * <h2>How parameter types are found</h2>
 *
 * The explicit forms ({@code on(event, Order.class, ...)}, {@code TypeReference} for generic types)
 * read nothing from the listener: use them for generic types and in modular applications. The
 * inferred form is a convenience. Java erases a lambda's type arguments, so {@code
 * Listener1<Order>} alone cannot say it wants an {@code Order}. The listener interfaces are
 * therefore {@link java.io.Serializable}: the compiler then gives each lambda a {@code
 * writeReplace} method returning a {@link java.lang.invoke.SerializedLambda}, which names the
 * method that implements it and the types the call site instantiated. {@link
 * io.sio4j.protocol.event.ListenerInvoker} reads it once per listener class, in this order:
 *
 * <ol>
 *   <li>the implementing method's generic parameter types (a method reference {@code
 *       this::onOrders} taking {@code List<Order>} binds a list of orders; captured variables and
 *       an unbound receiver are accounted for), narrowed to the instantiated type where that is
 *       more specific (type variables, {@code Object} declared but {@code String} inferred);
 *   <li>the instantiated erased types, when the method cannot be found. Lambda bodies land here:
 *       javac writes no generic signature for them, so {@code (List<Order> l) -> ...} gets a {@code
 *       List} of natural values; use {@code Order[]}, a record holding the list, or a method
 *       reference for full typing;
 *   <li>for a class that implements a listener interface, its own {@code call} method's types;
 *   <li>{@code Object}, giving natural values, when nothing can be read (e.g. a named module that
 *       does not open the lambda's package): then one WARN per listener class (logger {@code
 *       io.sio4j.protocol.event}) names the fixes. A listener in a named module is read when its
 *       package {@code opens} to {@code io.sio4j.protocol}.
 * </ol>
 *
 * Listeners are never actually serialised. Binding uses {@link
 * io.sio4j.protocol.event.JsonBinding}'s mapper; a value that does not fit gives a {@link
 * io.sio4j.protocol.event.BindingException} for the caller to log.
 */
package io.sio4j.protocol.event;
