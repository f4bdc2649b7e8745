package io.sio4j.spring.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.event.Listener1;
import io.sio4j.server.ConnectError;
import io.sio4j.server.Namespace;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link SocketIoController} beans once every singleton exists and installs their
 * handlers on the server's namespaces: {@link OnConnect} as a namespace middleware, {@link OnEvent}
 * and {@link OnDisconnect} as listeners of each socket. Runs before the server is started by the
 * lifecycle, so no socket misses a handler.
 */
final class ControllerRegistrar implements SmartInitializingSingleton {
  private final ApplicationContext context;
  private final SocketIoServer io;
  private final PayloadValidator validator;
  private final String errorEvent;

  ControllerRegistrar(
      ApplicationContext context,
      SocketIoServer io,
      PayloadValidator validator,
      String errorEvent) {
    this.context = context;
    this.io = io;
    this.validator = validator;
    this.errorEvent = errorEvent;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Map.Entry<String, Object> e :
        context.getBeansWithAnnotation(SocketIoController.class).entrySet()) {
      register(e.getValue());
    }
  }

  /** Installs one controller's handlers. */
  void register(Object bean) {
    Class<?> type = AopUtils.getTargetClass(bean);
    SocketIoController annotation =
        AnnotatedElementUtils.findMergedAnnotation(type, SocketIoController.class);
    String nspName = annotation == null ? "/" : annotation.namespace();
    Namespace nsp = io.of(nspName);
    JsonBinding binding = io.options().parser().binding();
    List<HandlerMethod> connects = new ArrayList<>();
    List<HandlerMethod> disconnects = new ArrayList<>();
    Map<String, HandlerMethod> events = new java.util.LinkedHashMap<>();
    ReflectionUtils.doWithMethods(
        type,
        m -> {
          Method invocable = AopUtils.selectInvocableMethod(m, bean.getClass());
          Object target = bean;
          if (m.isAnnotationPresent(OnConnect.class)) {
            connects.add(checked(new HandlerMethod(target, invocable), 1, "@OnConnect"));
          }
          if (m.isAnnotationPresent(OnDisconnect.class)) {
            disconnects.add(checked(new HandlerMethod(target, invocable), 1, "@OnDisconnect"));
          }
          OnEvent on = m.getAnnotation(OnEvent.class);
          if (on != null) {
            HandlerMethod previous = events.put(on.value(), new HandlerMethod(target, invocable));
            if (previous != null) {
              throw new IllegalStateException(
                  "two @OnEvent(\"" + on.value() + "\") methods in " + type.getName());
            }
          }
        },
        ReflectionUtils.USER_DECLARED_METHODS);
    for (HandlerMethod h : connects) {
      nsp.use(
          (socket, next) -> {
            JsonNode auth = socket.handshake().auth();
            try {
              h.invoke(socket, List.of(auth), Ack.NONE, binding, validator);
              next.proceed();
            } catch (ConnectError refused) {
              next.fail(refused);
            } catch (HandlerMethod.PayloadException invalid) {
              next.fail(new ConnectError(invalid.getMessage(), invalid.body()));
            } catch (Throwable failed) {
              HandlerMethod.LOG.error("{} failed for socket {}", h, socket.id(), failed);
              next.fail(new ConnectError("internal server error"));
            }
          });
    }
    nsp.on(
        "connection",
        socket -> {
          events.forEach(
              (event, h) ->
                  socket.onRaw(
                      event,
                      (args, ack) ->
                          h.handleEvent(socket, args, ack, binding, validator, errorEvent)));
          for (HandlerMethod h : disconnects) {
            Listener1<String> onDisconnect = reason -> disconnected(h, socket, reason, binding);
            socket.on("disconnect", onDisconnect);
          }
        });
    HandlerMethod.LOG.debug(
        "{} on {}: {} events, {} connect, {} disconnect handlers",
        type.getSimpleName(),
        nspName,
        events.size(),
        connects.size(),
        disconnects.size());
  }

  private void disconnected(HandlerMethod h, Socket socket, String reason, JsonBinding binding) {
    try {
      h.invoke(socket, List.of(TextNode.valueOf(reason)), Ack.NONE, binding, null);
    } catch (Throwable failed) {
      HandlerMethod.LOG.error("{} failed for socket {}", h, socket.id(), failed);
    }
  }

  private static HandlerMethod checked(HandlerMethod h, int maxPayload, String what) {
    if (h.payloadCount() > maxPayload) {
      throw new IllegalStateException(
          what + " " + h + " takes more than " + maxPayload + " value besides the socket");
    }
    return h;
  }
}
