package io.sio4j.engine;

/**
 * A request the server refused, as reported by the {@code connection_error} event.
 *
 * @param code the Engine.IO error code (0 unknown transport, 1 unknown session, 2 bad handshake
 *     method, 3 bad request, 4 forbidden, 5 unsupported protocol version)
 * @param message the message sent to the client
 * @param request the refused request (may lack a body)
 */
public record EngineConnectionError(int code, String message, HandshakeRequest request) {}
