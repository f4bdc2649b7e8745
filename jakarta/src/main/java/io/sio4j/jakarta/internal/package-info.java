/**
 * The Jakarta host's servlet, WebSocket endpoint and transports. Not exported: applications use
 * {@link io.sio4j.jakarta.SocketIoJakarta}.
 */
package io.sio4j.jakarta.internal;
