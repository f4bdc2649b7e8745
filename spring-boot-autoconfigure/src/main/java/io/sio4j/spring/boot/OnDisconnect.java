package io.sio4j.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs when a socket of the controller's namespace disconnects: {@code socket.on("disconnect",
 * reason -> ...)}. Parameters: the {@link io.sio4j.server.Socket}, the {@link
 * io.sio4j.server.SocketIoServer}, and a {@code String} for the official reason ({@code "transport
 * close"}, {@code "server shutting down"}, ...).
 *
 * <pre>{@code
 * @OnDisconnect
 * void left(Socket socket, String reason) { presence.remove(socket.id()); }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnDisconnect {}
