package io.sio4j.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * A Spring bean whose {@link OnConnect}, {@link OnEvent} and {@link OnDisconnect} methods handle
 * the sockets of one namespace: the annotated form of {@code io.of("/chat").on("connection", ...)}.
 *
 * <pre>{@code
 * @SocketIoController(namespace = "/chat")
 * class ChatController {
 *   @OnEvent("message")
 *   Receipt message(Socket socket, @Valid ChatMessage message) {
 *     socket.to("room1").emit("message", message);
 *     return new Receipt(message.id()); // answers the client's acknowledgement
 *   }
 * }
 * }</pre>
 *
 * <p>Also a {@link Component}, so component scanning finds it. One instance serves every socket:
 * keep per-socket state in {@code socket.data()} or keyed by {@code socket.id()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface SocketIoController {
  /** The namespace, {@code "/"} by default. */
  String namespace() default "/";
}
