/**
 * The Engine.IO v4 server API: {@link io.sio4j.engine.EngineServer} accepts sessions over HTTP
 * long-polling and WebSocket and hands each to the layer above as an {@link
 * io.sio4j.engine.EngineSocket}; {@link io.sio4j.engine.EngineOptions} holds the official engine.io
 * options with their defaults, and {@link io.sio4j.engine.TlsOptions} turns the listener into https
 * and wss. The official server's hooks are here too: {@link io.sio4j.engine.EngineMiddleware}
 * ({@code engine.use}), {@link io.sio4j.engine.HeadersListener} ({@code initial_headers} / {@code
 * headers}), the {@code generateId} option, the {@link io.sio4j.engine.EngineSocket} events and the
 * {@link io.sio4j.engine.HandshakeRequest} view. They name no host type, so every host (Netty,
 * servlet) runs the same hooks.
 *
 * <pre>{@code
 * EngineServer engine = EngineServer.create(EngineOptions.builder().build());
 * engine.onConnection(socket -> socket.send("hello"));
 * engine.listen("127.0.0.1", 3000).join();
 *
 * EngineServer secure = EngineServer.create(EngineOptions.builder()
 *     .tls(TlsOptions.pem(Path.of("fullchain.pem"), Path.of("privkey.pem")))
 *     .build());
 * secure.listen("0.0.0.0", 8443).join();
 * secure.reloadTls(); // after the files were renewed
 * }</pre>
 */
package io.sio4j.engine;
