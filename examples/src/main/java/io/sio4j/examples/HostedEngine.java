package io.sio4j.examples;

import io.sio4j.engine.EngineConnectionError;
import io.sio4j.engine.EngineMiddleware;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HeadersListener;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An engine mounted in an embedded container that the example started: it reports the container's
 * address and stops the container when it shuts down, so that {@code io.close()} ends everything,
 * as it does on Netty.
 *
 * <p>Thread-safe.
 */
final class HostedEngine implements EngineServer {
  private final EngineServer engine;
  private final Supplier<Container.Running> container;

  HostedEngine(EngineServer engine, Supplier<Container.Running> container) {
    this.engine = engine;
    this.container = container;
  }

  @Override
  public EngineServer onConnection(Consumer<EngineSocket> listener) {
    engine.onConnection(listener);
    return this;
  }

  @Override
  public EngineServer onConnectionError(Consumer<EngineConnectionError> listener) {
    engine.onConnectionError(listener);
    return this;
  }

  @Override
  public EngineServer use(EngineMiddleware middleware) {
    engine.use(middleware);
    return this;
  }

  @Override
  public EngineServer on(String event, HeadersListener listener) {
    engine.on(event, listener);
    return this;
  }

  @Override
  public CompletableFuture<InetSocketAddress> listen(String host, int port) {
    return engine.listen(host, port);
  }

  @Override
  public InetSocketAddress hostAddress() {
    Container.Running c = container.get();
    return c == null ? null : c.address();
  }

  @Override
  public void reloadTls() {
    engine.reloadTls();
  }

  @Override
  public int clientsCount() {
    return engine.clientsCount();
  }

  @Override
  public EngineOptions options() {
    return engine.options();
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return engine
        .shutdown()
        .thenRun(
            () -> {
              Container.Running c = container.get();
              if (c != null) c.close();
            });
  }
}
