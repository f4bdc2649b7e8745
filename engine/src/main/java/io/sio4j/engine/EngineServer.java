package io.sio4j.engine;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An Engine.IO v4 server on Netty: HTTP long-polling, WebSocket and the upgrade between them,
 * heartbeats, limits and CORS, plus an optional plain-HTTP handler on the same port.
 *
 * <pre>{@code
 * EngineServer engine = EngineServer.create(EngineOptions.builder().path("/engine.io/").build());
 * engine.onConnection(socket -> socket.setListener(new EchoListener(socket)));
 * InetSocketAddress bound = engine.listen("127.0.0.1", 0).join();
 * ...
 * engine.close().join();
 * }</pre>
 *
 * <p>Threading: thread-safe. Listeners run on the event loop of the session they concern.
 */
public interface EngineServer extends AutoCloseable {

  /** Creates a server; nothing listens until {@link #listen(String, int)}. */
  static EngineServer create(EngineOptions options) {
    return new io.sio4j.engine.internal.NettyEngineServer(options);
  }

  /** Called for every new session, after the handshake, on the session's event loop. */
  EngineServer onConnection(Consumer<EngineSocket> listener);

  /** Called for every refused request, with the Engine.IO error code and message. */
  EngineServer onConnectionError(Consumer<EngineConnectionError> listener);

  /**
   * Adds an HTTP middleware for the requests of the Engine.IO path (the official {@code
   * engine.use}); see {@link EngineMiddleware}. Middlewares run in the order added.
   */
  EngineServer use(EngineMiddleware middleware);

  /**
   * Listens to {@code "initial_headers"} (the handshake response) or {@code "headers"} (every
   * polling response and WebSocket 101) to edit response headers; see {@link HeadersListener}.
   *
   * <pre>{@code
   * engine.on("headers", (headers, req) -> headers.put("x-served-by", List.of("node-1")));
   * }</pre>
   *
   * @throws IllegalArgumentException for another event name
   */
  EngineServer on(String event, HeadersListener listener);

  /** Binds and starts listening. Port 0 picks an ephemeral port; the future gives the address. */
  CompletableFuture<InetSocketAddress> listen(String host, int port);

  /**
   * Where this server listens when a host other than its own Netty port carries it (a servlet
   * container, see sio4j-jakarta), if the host says; null otherwise. The Netty server gives its
   * address through {@link #listen}.
   */
  default InetSocketAddress hostAddress() {
    return null;
  }

  /**
   * Reads the TLS certificate and key files of {@link EngineOptions#tls()} again: connections
   * accepted from now on present the new certificate, open ones keep theirs. If the files cannot be
   * read, the current certificate stays and the error is thrown.
   *
   * @throws IllegalStateException when TLS is off, the server is not listening, or the files are
   *     unusable
   */
  void reloadTls();

  /** The number of open sessions. */
  int clientsCount();

  /** The options this server was built with. */
  EngineOptions options();

  /**
   * Closes every session (reason {@code "server shutting down"}), stops listening and releases the
   * event loops. Idempotent.
   */
  CompletableFuture<Void> shutdown();

  /** Same as {@code shutdown().join()}. */
  @Override
  default void close() {
    shutdown().join();
  }
}
