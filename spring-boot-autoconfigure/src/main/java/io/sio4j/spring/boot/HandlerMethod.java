package io.sio4j.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.BindingException;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One annotated handler method with its parameters resolved once: which take the socket, the
 * server, the ack or the reason, and which are bound from the payload (and validated). Thread-safe.
 */
final class HandlerMethod {
  static final Logger LOG = LoggerFactory.getLogger("io.sio4j.spring");

  private enum Kind {
    SOCKET,
    SERVER,
    ACK,
    PAYLOAD
  }

  private record Param(Kind kind, Type type, boolean valid, int argIndex) {}

  private final Object bean;
  private final Method method;
  private final List<Param> params = new ArrayList<>();
  private final boolean takesAck;

  HandlerMethod(Object bean, Method method) {
    this.bean = bean;
    this.method = method;
    method.setAccessible(true);
    int payload = 0;
    boolean ack = false;
    for (Parameter p : method.getParameters()) {
      Class<?> c = p.getType();
      Kind kind;
      if (c == Socket.class) kind = Kind.SOCKET;
      else if (c == SocketIoServer.class) kind = Kind.SERVER;
      else if (c == Ack.class) kind = Kind.ACK;
      else kind = Kind.PAYLOAD;
      ack |= kind == Kind.ACK;
      params.add(
          new Param(
              kind,
              p.getParameterizedType(),
              isValid(p.getAnnotations()),
              kind == Kind.PAYLOAD ? payload++ : -1));
    }
    this.takesAck = ack;
  }

  /** How many parameters take payload values. */
  int payloadCount() {
    return (int) params.stream().filter(p -> p.kind == Kind.PAYLOAD).count();
  }

  @Override
  public String toString() {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  private static boolean isValid(Annotation[] annotations) {
    for (Annotation a : annotations) {
      String name = a.annotationType().getName();
      if (name.equals("jakarta.validation.Valid")
          || name.equals("org.springframework.validation.annotation.Validated")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Binds and validates the arguments and calls the method; returns its value.
   *
   * @throws PayloadException when an argument does not bind or is invalid (the method did not run)
   * @throws Throwable what the method threw
   */
  Object invoke(
      Socket socket, List<JsonNode> args, Ack ack, JsonBinding binding, PayloadValidator validator)
      throws Throwable {
    Object[] values = new Object[params.size()];
    for (int i = 0; i < values.length; i++) {
      Param p = params.get(i);
      values[i] =
          switch (p.kind) {
            case SOCKET -> socket;
            case SERVER -> socket.server();
            case ACK -> ack;
            case PAYLOAD -> bind(p, args, binding, validator);
          };
    }
    try {
      return method.invoke(bean, values);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private Object bind(Param p, List<JsonNode> args, JsonBinding binding, PayloadValidator validator)
      throws PayloadException {
    JsonNode node = p.argIndex < args.size() ? args.get(p.argIndex) : null;
    Object value;
    try {
      value = binding.fromTree(node, p.type);
    } catch (BindingException e) {
      throw new PayloadException("argument " + p.argIndex + ": " + e.getMessage(), List.of());
    }
    if (p.valid && validator != null) {
      List<Map<String, String>> violations = validator.validate(value);
      if (!violations.isEmpty()) {
        throw new PayloadException("argument " + p.argIndex + " is invalid", violations);
      }
    }
    return value;
  }

  /** Runs an event handler: the reply goes to the ack; failures to the ack or the error event. */
  void handleEvent(
      Socket socket,
      List<JsonNode> args,
      Ack ack,
      JsonBinding binding,
      PayloadValidator validator,
      String errorEvent) {
    Object result;
    try {
      result = invoke(socket, args, ack, binding, validator);
    } catch (PayloadException e) {
      LOG.debug("{}: {} refused: {} {}", socket.id(), this, e.getMessage(), e.violations());
      replyError(socket, ack, errorEvent, e.body());
      return;
    } catch (Throwable e) {
      LOG.error("{} failed for socket {}", this, socket.id(), e);
      replyError(socket, ack, errorEvent, Map.of("message", "internal server error"));
      return;
    }
    if (takesAck || ack == Ack.NONE || method.getReturnType() == void.class) return;
    if (result instanceof CompletionStage<?> stage) {
      stage.whenComplete(
          (value, error) -> {
            if (error == null) ack.send(value);
            else {
              LOG.error("{} failed for socket {}", this, socket.id(), error);
              replyError(socket, ack, errorEvent, Map.of("message", "internal server error"));
            }
          });
    } else {
      ack.send(result);
    }
  }

  private static void replyError(Socket socket, Ack ack, String errorEvent, Object body) {
    if (ack != Ack.NONE) ack.send(Map.of("error", body));
    else socket.emit(errorEvent, body);
  }

  /** An argument that does not bind or is invalid, with what the client is told. */
  static final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Map<String, String>> violations;

    PayloadException(String message, List<Map<String, String>> violations) {
      super(message, null, false, false);
      this.violations = violations;
    }

    List<Map<String, String>> violations() {
      return violations;
    }

    Map<String, Object> body() {
      return Map.of("message", getMessage(), "violations", violations);
    }
  }
}
