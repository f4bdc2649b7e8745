/**
 * Engine.IO v4 packets ({@link io.sio4j.protocol.engineio.EnginePacket}) and their WebSocket and
 * polling-payload encodings ({@link io.sio4j.protocol.engineio.EngineCodec}), after
 * docs/engine.io-protocol/v4-current.md in the socketio/socket.io repository.
 */
package io.sio4j.protocol.engineio;
