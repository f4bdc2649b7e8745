package io.sio4j.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs for every socket that connects to the controller's namespace, before it is connected (as a
 * namespace middleware does): throwing {@link io.sio4j.server.ConnectError} refuses the connection,
 * and the client gets {@code connect_error} with its message and data.
 *
 * <pre>{@code
 * @OnConnect
 * void connect(Socket socket, Credentials auth) { // auth: the client's {auth} payload, bound
 *   if (!tokens.valid(auth.token())) throw new ConnectError("not authorized");
 *   socket.join("lobby");
 * }
 * }</pre>
 *
 * <p>Parameters: the {@link io.sio4j.server.Socket}, the {@link io.sio4j.server.SocketIoServer},
 * and at most one other parameter, bound from the handshake's {@code auth} object with the
 * application's mapper (and validated when annotated {@code @Valid}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnConnect {}
