/**
 * The Socket.IO client: {@link io.sio4j.client.IO}, {@link io.sio4j.client.Manager} and {@link
 * io.sio4j.client.Socket}, mirroring the JavaScript client ({@code socket.io-client} 4.8) over the
 * Socket.IO v5 / Engine.IO v4 protocols, with the server's listener types ({@code
 * io.sio4j.protocol.event}) and Jackson binding.
 *
 * <pre>{@code
 * Socket socket = IO.socket("http://localhost:3000/chat",
 *     ClientOptions.builder().auth(Map.of("token", "abc")).build());
 * socket.on("connect", () -> System.out.println("connected " + socket.id()));
 * socket.on("message", (String text) -> System.out.println(text));
 * socket.timeout(Duration.ofSeconds(5)).emitWithAck("hello", "world")
 *     .thenAccept(ack -> System.out.println(ack.get(0, String.class)));
 * ...
 * socket.close(); // the last socket of a Manager closes the connection and ends its thread
 * }</pre>
 *
 * <p>Threading: every public method is thread-safe. Each {@link io.sio4j.client.Manager} owns one
 * thread on which its connection state changes and, by default, its listeners run in order; the
 * thread exists only while the Manager is connected, connecting or waiting to reconnect, so a
 * program exits once its sockets are closed. The HTTP and WebSocket I/O runs on the JDK {@code
 * java.net.http} client's daemon threads.
 */
package io.sio4j.client;
