/**
 * The Engine.IO v4 server API: {@link io.sio4j.engine.EngineServer} accepts sessions over HTTP
 * long-polling and WebSocket and hands each to the layer above as an {@link
 * io.sio4j.engine.EngineSocket}; {@link io.sio4j.engine.EngineOptions} holds the official engine.io
 * options with their defaults.
 *
 * <pre>{@code
 * EngineServer engine = EngineServer.create(EngineOptions.builder().build());
 * engine.onConnection(socket -> socket.send("hello"));
 * engine.listen("127.0.0.1", 3000).join();
 * }</pre>
 */
package io.sio4j.engine;
