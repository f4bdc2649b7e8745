package io.sio4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HttpHandler;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The options of a {@link SocketIoServer}, built and validated by {@link SocketIoServer#builder()}
 * (there is no other way to make one, so every instance has passed the builder's checks). Defaults
 * are the official server's.
 *
 * <pre>{@code
 * ServerOptions options = io.options();
 * Duration t = options.connectTimeout(); // 45 s unless set
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 */
public final class ServerOptions {
  private final String host;
  private final int port;
  private final EngineOptions engine;
  private final Duration connectTimeout;
  private final ConnectionStateRecovery connectionStateRecovery;
  private final boolean cleanupEmptyChildNamespaces;
  private final AdapterFactory adapterFactory;
  private final SocketIoParser parser;
  private final ObjectMapper mapper;
  private final boolean serveClient;
  private final Executor listenerExecutor;
  private final PeerBounds peerBounds;

  /** The bounds of what a peer can make the server hold, as set on the builder (issue 14). */
  record PeerBounds(
      Duration timeout,
      long perConnection,
      long total,
      int maxDynamicNamespaces,
      int maxRoomsPerSocket,
      int maxPendingAcks) {}

  /** Only {@link ServerBuilder#options()} calls this, after validating every value. */
  ServerOptions(
      String host,
      int port,
      EngineOptions engine,
      Duration connectTimeout,
      ConnectionStateRecovery connectionStateRecovery,
      boolean cleanupEmptyChildNamespaces,
      AdapterFactory adapterFactory,
      SocketIoParser parser,
      ObjectMapper mapper,
      boolean serveClient,
      Executor listenerExecutor,
      PeerBounds peerBounds) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.engine = Objects.requireNonNull(engine, "engine");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.connectionStateRecovery = connectionStateRecovery;
    this.cleanupEmptyChildNamespaces = cleanupEmptyChildNamespaces;
    this.adapterFactory = Objects.requireNonNull(adapterFactory, "adapterFactory");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.serveClient = serveClient;
    this.listenerExecutor = listenerExecutor;
    this.peerBounds = Objects.requireNonNull(peerBounds, "peerBounds");
  }

  /**
   * How long a binary packet may wait for its last announced attachment, from its header, default
   * 60 s; then the connection is closed. A sio4j addition (issue 14).
   */
  public Duration partialPacketTimeout() {
    return peerBounds.timeout();
  }

  /**
   * Most bytes one connection's partial binary packet may hold (its header and the attachments
   * received so far), default 10 000 000 (ten attachments of {@code maxHttpBufferSize}); past it
   * the connection is closed. A sio4j addition (issue 14).
   */
  public long maxPartialPacketBytes() {
    return peerBounds.perConnection();
  }

  /**
   * Most bytes the partial binary packets of all this server's connections may hold together,
   * default an eighth of {@link Runtime#maxMemory()}; the connection whose bytes pass it is closed.
   * A sio4j addition (issue 14).
   */
  public long maxPartialPacketBytesTotal() {
    return peerBounds.total();
  }

  /**
   * Most child namespaces that parent namespaces (a pattern or a function) may create for clients'
   * CONNECTs, default 10 000; past it a CONNECT to a new name gets {@code "Invalid namespace"}, as
   * an unknown one does. Children removed by {@code cleanupEmptyChildNamespaces} free their place.
   * A sio4j addition (issue 14).
   */
  public int maxDynamicNamespaces() {
    return peerBounds.maxDynamicNamespaces();
  }

  /**
   * Most rooms one socket may be in, its own room included, default 10 000; a {@link Socket#join}
   * that would pass it throws {@link IllegalStateException} and joins none. A sio4j addition (issue
   * 14).
   */
  public int maxRoomsPerSocket() {
    return peerBounds.maxRoomsPerSocket();
  }

  /**
   * Most acknowledgements one socket may owe the server, default 10 000: past it {@code
   * emitWithAck} fails at once with {@link IllegalStateException} and sends nothing, and a
   * broadcast with an acknowledgement leaves the socket out. A sio4j addition (issue 14).
   */
  public int maxPendingAcks() {
    return peerBounds.maxPendingAcks();
  }

  /** The address to bind, default {@code 0.0.0.0}. */
  public String host() {
    return host;
  }

  /** The port, default 3000; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** The Engine.IO options (path {@code /socket.io/} by default). */
  public EngineOptions engine() {
    return engine;
  }

  /** How long a new connection may stay without joining a namespace (45 s). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Recovery settings, or {@code null} when off (the default). */
  public ConnectionStateRecovery connectionStateRecovery() {
    return connectionStateRecovery;
  }

  /** Whether a dynamic child namespace is removed once empty (default false). */
  public boolean cleanupEmptyChildNamespaces() {
    return cleanupEmptyChildNamespaces;
  }

  /** Creates each namespace's adapter ({@link InMemoryAdapter} by default). */
  public AdapterFactory adapterFactory() {
    return adapterFactory;
  }

  /** The Socket.IO packet format (JSON by default). */
  public SocketIoParser parser() {
    return parser;
  }

  /** The Jackson mapper that writes and binds arguments: the parser's own, one per server. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** Whether the browser client bundle is served under the path. */
  public boolean serveClient() {
    return serveClient;
  }

  /**
   * Runs listeners and middlewares instead of the event loop (for blocking code), one at a time per
   * socket; {@code null} to run them on the event loop (the default).
   */
  public Executor listenerExecutor() {
    return listenerExecutor;
  }

  /** The user's HTTP handler, if one was set through the engine options. */
  public HttpHandler httpHandler() {
    return engine.httpHandler();
  }

  @Override
  public String toString() {
    return "ServerOptions[host="
        + host
        + ", port="
        + port
        + ", engine="
        + engine
        + ", connectTimeout="
        + connectTimeout
        + ", connectionStateRecovery="
        + connectionStateRecovery
        + ", cleanupEmptyChildNamespaces="
        + cleanupEmptyChildNamespaces
        + ", serveClient="
        + serveClient
        + ", listenerExecutor="
        + listenerExecutor
        + "]";
  }
}
