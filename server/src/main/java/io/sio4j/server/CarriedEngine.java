package io.sio4j.server;

import io.sio4j.engine.EngineConnectionError;
import io.sio4j.engine.EngineMiddleware;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HeadersListener;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@code io.engine()} of a server before it starts: it forwards to the engine the server made
 * and records what the application registers (middlewares, headers listeners, connection and
 * connection_error listeners). When another host's engine takes over ({@link
 * SocketIoServer#start(EngineServer)}, the Jakarta host), the registrations are replayed on it and
 * everything from then on goes there: hooks work whether they were added before or after {@code
 * attach}.
 *
 * <p>Thread-safe.
 */
final class CarriedEngine implements EngineServer {
  private final List<Consumer<EngineServer>> registrations = new CopyOnWriteArrayList<>();
  private volatile EngineServer target;

  CarriedEngine(EngineServer initial) {
    this.target = initial;
  }

  /** Replays the registrations on {@code hosted} and forwards to it from now on. */
  synchronized void moveTo(EngineServer hosted) {
    for (Consumer<EngineServer> r : registrations) r.accept(hosted);
    target = hosted;
  }

  private synchronized EngineServer register(Consumer<EngineServer> registration) {
    registrations.add(registration);
    registration.accept(target);
    return this;
  }

  @Override
  public EngineServer onConnection(Consumer<EngineSocket> listener) {
    return register(e -> e.onConnection(listener));
  }

  @Override
  public EngineServer onConnectionError(Consumer<EngineConnectionError> listener) {
    return register(e -> e.onConnectionError(listener));
  }

  @Override
  public EngineServer use(EngineMiddleware middleware) {
    return register(e -> e.use(middleware));
  }

  @Override
  public EngineServer on(String event, HeadersListener listener) {
    return register(e -> e.on(event, listener));
  }

  @Override
  public CompletableFuture<InetSocketAddress> listen(String host, int port) {
    return target.listen(host, port);
  }

  @Override
  public InetSocketAddress hostAddress() {
    return target.hostAddress();
  }

  @Override
  public void reloadTls() {
    target.reloadTls();
  }

  @Override
  public int clientsCount() {
    return target.clientsCount();
  }

  @Override
  public EngineOptions options() {
    return target.options();
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return target.shutdown();
  }
}
