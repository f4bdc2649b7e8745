/**
 * The Socket.IO v5 server: {@link io.sio4j.server.SocketIoServer}, its {@link
 * io.sio4j.server.Namespace namespaces}, {@link io.sio4j.server.Socket sockets}, the immutable
 * {@link io.sio4j.server.BroadcastOperator}, middlewares, acknowledgements, rooms and the {@link
 * io.sio4j.server.adapter.Adapter} SPI with the {@link io.sio4j.server.InMemoryAdapter}.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.create(3000);
 * io.on("connection", socket -> socket.on("chat", (String msg) -> io.emit("chat", msg)));
 * }</pre>
 *
 * <h2>Listeners</h2>
 *
 * {@code socket.on(event, listener)} takes a lambda with zero to four parameters whose declared
 * types receive the arguments, bound with Jackson (POJOs, records, maps, lists, {@code byte[]} and
 * {@code ByteBuffer} for binary). A last parameter of type {@code Ack} receives the acknowledgement
 * function when the client asked for one. Sending with an acknowledgement returns a {@link
 * java.util.concurrent.CompletableFuture} ({@code emitWithAck}).
 *
 * <h2>Threading</h2>
 *
 * Every public type is thread-safe. Listeners and middlewares of a socket run on its connection's
 * Netty event loop, one at a time, and must not block; for blocking code set a listener executor
 * ({@link io.sio4j.server.ServerBuilder#listenerExecutor}). A broadcast encodes its packet once and
 * writes the same frames to every recipient.
 *
 * <p>Logger: {@code io.sio4j.server}.
 */
package io.sio4j.server;
