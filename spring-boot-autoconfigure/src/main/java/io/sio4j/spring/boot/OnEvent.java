package io.sio4j.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one event of the controller's namespace: {@code socket.on("message", ...)}.
 *
 * <p>Parameters, in any order: the {@link io.sio4j.server.Socket}, the {@link
 * io.sio4j.server.SocketIoServer}, an {@link io.sio4j.protocol.event.Ack}, and the event's
 * arguments, which the other parameters take in order, bound with the application's mapper (generic
 * types too). A parameter annotated {@code @Valid} is checked by Bean Validation first.
 *
 * <p>When the client asked for an acknowledgement and the method takes no {@code Ack}, the return
 * value answers it (a {@link java.util.concurrent.CompletionStage} when it completes; a {@code
 * void} method leaves it unanswered, as a JavaScript handler that never calls its callback). A
 * failure to bind or validate never reaches the method: the client gets {@code {"error":
 * {"message": ..., "violations": [{"property": ..., "message": ...}]}}} as the acknowledgement, or,
 * when it asked for none, the same object as an {@code error} event ({@code sio4j.error-event}).
 *
 * <pre>{@code
 * @OnEvent("rename")
 * Renamed rename(Socket socket, @Valid Rename request) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnEvent {
  /** The event name. */
  String value();
}
