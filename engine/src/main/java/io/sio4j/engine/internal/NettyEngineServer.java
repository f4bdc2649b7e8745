package io.sio4j.engine.internal;

import io.sio4j.engine.EngineConnectionError;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The Netty implementation of {@link EngineServer}. (Being written: issue 2.) */
public final class NettyEngineServer implements EngineServer {
  private final EngineOptions options;

  /** Creates the server. */
  public NettyEngineServer(EngineOptions options) {
    this.options = options;
  }

  @Override
  public EngineServer onConnection(Consumer<EngineSocket> listener) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public EngineServer onConnectionError(Consumer<EngineConnectionError> listener) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public CompletableFuture<InetSocketAddress> listen(String host, int port) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public int clientsCount() {
    return 0;
  }

  @Override
  public EngineOptions options() {
    return options;
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return CompletableFuture.completedFuture(null);
  }
}
