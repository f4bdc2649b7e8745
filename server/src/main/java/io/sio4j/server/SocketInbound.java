package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.server.adapter.BroadcastFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The event path of one {@link Socket}: an EVENT from the client goes to the catch-all listeners,
 * the socket's middlewares and its listeners (all in the socket's {@link ListenerRegistry}); the
 * acknowledgement goes back at most once; outgoing packets reach the outgoing catch-alls; errors
 * reach the {@code onError} listeners.
 *
 * <p>Thread-safe (static; the state is the socket's).
 */
final class SocketInbound {
  // static: the state (listeners, error listeners) is the socket's, so a socket needs no second
  // object for its event path (issue 12)
  private SocketInbound() {}

  private static void fireError(Socket socket, Throwable error) {
    List<Consumer<Throwable>> list = socket.errorListeners();
    if (list.isEmpty()) {
      Socket.LOG.debug("socket {}: unhandled error: {}", socket.id(), error.toString());
      return;
    }
    ListenerRegistry listeners = socket.listenerRegistry();
    for (Consumer<Throwable> l : list) listeners.run(() -> l.accept(error));
  }

  /** An EVENT from the client: catch-alls, then the socket middlewares, then the listeners. */
  static void onEvent(Socket socket, SocketPacket packet) {
    Namespace nsp = socket.nsp();
    ListenerRegistry listeners = socket.listenerRegistry();
    ArrayNode data = (ArrayNode) packet.data();
    String name = data.get(0).asText();
    List<JsonNode> values = new ArrayList<>(data.size() - 1);
    for (int i = 1; i < data.size(); i++) values.add(data.get(i));
    Ack ack = packet.hasAckId() ? new AckSender(socket, packet.ackId()) : null;
    Runnable listen =
        () -> {
          // dropped, like the official server, when a DISCONNECT came with it
          if (socket.connected()) listeners.emitEvent(name, values, ack);
        };
    nsp.server()
        .dispatch(
            socket,
            () -> {
              listeners.emitAny(name, values, ack);
              List<EventMiddleware> middlewares = socket.middlewares();
              if (middlewares.isEmpty()) {
                // the common case: no middleware event (and no copy of the arguments) to build
                afterThisRead(socket, listen);
                return;
              }
              ArrayNode args = JsonNodeFactory.instance.arrayNode(values.size());
              args.addAll(values);
              SocketEvent event =
                  new SocketEvent(socket.id(), name, args, ack != null, nsp.server().binding());
              MiddlewareChain.run(
                  middlewares,
                  (m, next) -> m.handle(event, next),
                  err -> {
                    if (err != null) fireError(socket, err);
                    else afterThisRead(socket, listen);
                  });
            });
  }

  /**
   * Runs the listeners once the rest of the current read has been handled, as the official server's
   * {@code process.nextTick} in {@code dispatch}: a namespace DISCONNECT that arrived with the
   * event is seen first. With a listener executor they already run later, on the executor.
   */
  private static void afterThisRead(Socket socket, Runnable task) {
    if (socket.nsp().server().options().listenerExecutor() != null) task.run();
    else socket.client().runAfterRead(task);
  }

  /**
   * The acknowledgement of one received EVENT ({@code ackId}), sent at most once. It is its own
   * sent flag: one object and one link in the call chain, where a lambda around an {@code
   * AtomicBoolean} was two of each (issue 12).
   */
  @SuppressWarnings("serial") // never serialised
  private static final class AckSender extends AtomicBoolean implements Ack {
    private final transient Socket socket;
    private final long ackId;

    AckSender(Socket socket, long ackId) {
      this.socket = socket;
      this.ackId = ackId;
    }

    @Override
    public void send(Object... args) {
      if (!compareAndSet(false, true)) return;
      Namespace nsp = socket.nsp();
      socket
          .client()
          .write(
              nsp.frames(
                  nsp.server().parser().encoder().encodeAck(nsp.name(), ackId, args),
                  BroadcastFlags.DEFAULT));
    }
  }

  /** Tells the outgoing catch-all listeners, with natural values, about an EVENT being sent. */
  static void notifyOutgoing(Socket socket, SocketPacket packet) {
    ListenerRegistry listeners = socket.listenerRegistry();
    if (!listeners.hasAnyOutgoing() || !packet.type().isEvent()) return;
    ArrayNode data = (ArrayNode) packet.data();
    List<Object> args = new ArrayList<>(data.size() - 1);
    var binding = socket.server().binding();
    for (int i = 1; i < data.size(); i++) args.add(binding.toNatural(data.get(i)));
    listeners.emitOutgoing(data.get(0).asText(), args);
  }
}
