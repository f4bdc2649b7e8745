/**
 * The Engine.IO v4 client (engine.io-client's {@code Socket} and transports): handshake, heartbeat,
 * polling and WebSocket transports, and the upgrade between them. Not API: it may change without
 * notice. Everything here is confined to one {@link io.sio4j.client.internal.engine.ClientLoop}.
 */
package io.sio4j.client.internal.engine;
