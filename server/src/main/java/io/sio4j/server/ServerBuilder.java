package io.sio4j.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.engine.CorsOptions;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HttpHandler;
import io.sio4j.engine.TlsOptions;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.time.Scheduler;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.server.http.BrowserClient;
import io.sio4j.server.http.HttpRoutes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link SocketIoServer}; every default is the official server's.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder()
 *     .host("127.0.0.1").port(0)
 *     .pingInterval(Duration.ofSeconds(10))
 *     .cors(CorsOptions.builder().origins("https://app.example").build())
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>Not thread-safe; the server it builds is.
 */
public final class ServerBuilder {
  /** The bundle is loaded and compressed once per path and JVM: servers share it. */
  private static final java.util.Map<String, HttpHandler> BROWSER_CLIENTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private String host = "0.0.0.0";
  private int port = 3000;
  private EngineOptions.Builder engine = EngineOptions.builder().path("/socket.io/");
  private final java.util.List<ServerInstrumentation> instrumentations =
      new java.util.ArrayList<>();
  private Duration connectTimeout = Duration.ofSeconds(45);
  private ConnectionStateRecovery connectionStateRecovery;
  private boolean cleanupEmptyChildNamespaces;
  private AdapterFactory adapterFactory = InMemoryAdapter::new;
  private SocketIoParser parser;
  private ObjectMapper mapper;
  private int maxAttachments = SocketIoParser.Builder.DEFAULT_MAX_ATTACHMENTS;
  private boolean serveClient = true;
  private Executor listenerExecutor;
  private Duration partialPacketTimeout = Duration.ofSeconds(60);
  private long maxPartialPacketBytes = 10_000_000L;
  private long maxPartialPacketBytesTotal = Runtime.getRuntime().maxMemory() / 8;
  private int maxDynamicNamespaces = 10_000;
  private int maxRoomsPerSocket = 10_000;
  private int maxPendingAcks = 10_000;

  ServerBuilder() {}

  /** The address to bind (default {@code 0.0.0.0}; tests use {@code 127.0.0.1}). */
  public ServerBuilder host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The port (default 3000; 0 for a free one, see {@link SocketIoServer#address()}). */
  public ServerBuilder port(int port) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port: " + port);
    this.port = port;
    return this;
  }

  /** The request path (default {@code /socket.io/}). */
  public ServerBuilder path(String path) {
    engine.path(path);
    return this;
  }

  /** Interval between pings (default 25 s). */
  public ServerBuilder pingInterval(Duration d) {
    engine.pingInterval(d);
    return this;
  }

  /** How long to wait for a pong (default 20 s). */
  public ServerBuilder pingTimeout(Duration d) {
    engine.pingTimeout(d);
    return this;
  }

  /** Largest message in bytes (default 1 000 000). */
  public ServerBuilder maxHttpBufferSize(int bytes) {
    engine.maxHttpBufferSize(bytes);
    return this;
  }

  /** Cross-origin settings (default none). */
  public ServerBuilder cors(CorsOptions cors) {
    engine.cors(cors);
    return this;
  }

  /** Enabled transports (default polling and websocket). */
  public ServerBuilder transports(String... transports) {
    engine.transports(transports);
    return this;
  }

  /**
   * Serves https and wss instead of http and ws (default: plain). See {@link TlsOptions} and {@link
   * SocketIoServer#reloadTls()}.
   *
   * <pre>{@code
   * SocketIoServer.builder().port(8443)
   *     .tls(TlsOptions.builder().pem(Path.of("fullchain.pem"), Path.of("privkey.pem")).build())
   * }</pre>
   */
  public ServerBuilder tls(TlsOptions tls) {
    engine.tls(tls);
    return this;
  }

  /**
   * Lets Socket.IO v2 clients in (Engine.IO v3, Socket.IO protocol v4; also {@code
   * io.socket:socket.io-client} 1.x), as the official {@code allowEIO3}; off by default. They join
   * the same namespaces, rooms and broadcasts; connection state recovery does not apply to them.
   */
  public ServerBuilder allowEIO3(boolean allow) {
    engine.allowEIO3(allow);
    return this;
  }

  /** Any other Engine.IO option: {@code .engine(e -> e.perMessageDeflate(true))}. */
  public ServerBuilder engine(UnaryOperator<EngineOptions.Builder> customizer) {
    engine = customizer.apply(engine);
    return this;
  }

  /** Serves other HTTP requests on the same port (pages, static files, routes). */
  public ServerBuilder httpHandler(HttpHandler handler) {
    engine.httpHandler(handler);
    return this;
  }

  /** How long a connection may stay without joining a namespace (default 45 s). */
  public ServerBuilder connectTimeout(Duration d) {
    Objects.requireNonNull(d, "connectTimeout");
    if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("connectTimeout <= 0");
    this.connectTimeout = d;
    return this;
  }

  /** Turns connection state recovery on (default off). */
  public ServerBuilder connectionStateRecovery(ConnectionStateRecovery settings) {
    this.connectionStateRecovery = settings;
    return this;
  }

  /** Turns connection state recovery on. */
  public ServerBuilder connectionStateRecovery(
      Duration maxDisconnectionDuration, boolean skipMiddlewares) {
    return connectionStateRecovery(
        new ConnectionStateRecovery(maxDisconnectionDuration, skipMiddlewares));
  }

  /** Whether an empty dynamic child namespace is removed (default false). */
  public ServerBuilder cleanupEmptyChildNamespaces(boolean cleanup) {
    this.cleanupEmptyChildNamespaces = cleanup;
    return this;
  }

  /** The adapter of each namespace (default {@link InMemoryAdapter}). */
  public ServerBuilder adapter(AdapterFactory factory) {
    this.adapterFactory = Objects.requireNonNull(factory, "factory");
    return this;
  }

  /**
   * The packet format (default JSON, built with {@link #mapper} and {@link #maxAttachments}). The
   * server binds incoming arguments with the parser's own mapper ({@link
   * SocketIoParser#binding()}), so configure a custom mapper on the parser, not here as well.
   */
  public ServerBuilder parser(SocketIoParser parser) {
    this.parser = parser;
    return this;
  }

  /**
   * The Jackson mapper that writes and binds arguments, both ways (default: a new {@link
   * io.sio4j.protocol.event.JsonBinding#newDefaultMapper()} for each server). Register modules
   * (e.g. {@code JavaTimeModule}) before passing it; don't reconfigure it afterwards.
   */
  public ServerBuilder mapper(ObjectMapper mapper) {
    this.mapper = mapper;
    return this;
  }

  /** Most binary attachments one incoming packet may announce (default 10). */
  public ServerBuilder maxAttachments(int max) {
    if (max < 0) throw new IllegalArgumentException("maxAttachments < 0");
    this.maxAttachments = max;
    return this;
  }

  /** See {@link ServerOptions#partialPacketTimeout()} (default 60 s). */
  public ServerBuilder partialPacketTimeout(Duration d) {
    java.util.Objects.requireNonNull(d, "partialPacketTimeout");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("partialPacketTimeout must be > 0");
    }
    this.partialPacketTimeout = d;
    return this;
  }

  /** See {@link ServerOptions#maxPartialPacketBytes()} (default 10 000 000). */
  public ServerBuilder maxPartialPacketBytes(long bytes) {
    if (bytes <= 0) throw new IllegalArgumentException("maxPartialPacketBytes must be > 0");
    this.maxPartialPacketBytes = bytes;
    return this;
  }

  /** See {@link ServerOptions#maxPartialPacketBytesTotal()} (default: an eighth of the heap). */
  public ServerBuilder maxPartialPacketBytesTotal(long bytes) {
    if (bytes <= 0) throw new IllegalArgumentException("maxPartialPacketBytesTotal must be > 0");
    this.maxPartialPacketBytesTotal = bytes;
    return this;
  }

  /** See {@link ServerOptions#maxDynamicNamespaces()} (default 10 000). */
  public ServerBuilder maxDynamicNamespaces(int max) {
    if (max < 0) throw new IllegalArgumentException("maxDynamicNamespaces must be >= 0");
    this.maxDynamicNamespaces = max;
    return this;
  }

  /** See {@link ServerOptions#maxRoomsPerSocket()} (default 10 000, its own room included). */
  public ServerBuilder maxRoomsPerSocket(int max) {
    if (max < 1) throw new IllegalArgumentException("maxRoomsPerSocket must be >= 1");
    this.maxRoomsPerSocket = max;
    return this;
  }

  /** See {@link ServerOptions#maxPendingAcks()} (default 10 000). */
  public ServerBuilder maxPendingAcks(int max) {
    if (max < 0) throw new IllegalArgumentException("maxPendingAcks must be >= 0");
    this.maxPendingAcks = max;
    return this;
  }

  /** Whether the browser client is served at {@code <path>socket.io.js} (default true). */
  public ServerBuilder serveClient(boolean serve) {
    this.serveClient = serve;
    return this;
  }

  /**
   * Runs listeners, middlewares and acknowledgement callbacks on this executor instead of the event
   * loop, one at a time per socket, so they may block (e.g. {@code
   * Executors.newVirtualThreadPerTaskExecutor()} on Java 21). Default: the event loop.
   */
  public ServerBuilder listenerExecutor(Executor executor) {
    this.listenerExecutor = executor;
    return this;
  }

  /**
   * The scheduler behind every timer of the server: heartbeats, upgrade, connect and
   * acknowledgement timeouts, and the expiry of connection state recovery. Default ({@code null}):
   * each connection's own Netty event loop (and one shared daemon timer thread for broadcast
   * acknowledgements). Per-connection tasks still run on the connection's event loop. Tests pass
   * the testkit's {@code VirtualClock}:
   *
   * <pre>{@code
   * VirtualClock clock = new VirtualClock();
   * SocketIoServer io = SocketIoServer.builder().scheduler(clock).build();
   * clock.advance(Duration.ofSeconds(45)); // the connect timeout fires
   * }</pre>
   */
  public ServerBuilder scheduler(Scheduler scheduler) {
    engine.scheduler(scheduler);
    return this;
  }

  /**
   * Adds metrics callbacks, such as sio4j-micrometer's {@code SocketIoMetrics}; see {@link
   * ServerInstrumentation}. None by default (and then they cost nothing).
   */
  public ServerBuilder instrumentation(ServerInstrumentation instrumentation) {
    instrumentations.add(java.util.Objects.requireNonNull(instrumentation));
    return this;
  }

  /** The options, validated. */
  public ServerOptions options() {
    if (parser != null && mapper != null && parser.binding().mapper() != mapper) {
      throw new IllegalStateException(
          "both a parser and a mapper are set: build the parser with the mapper instead");
    }
    SocketIoParser p =
        parser != null
            ? parser
            : SocketIoParser.builder()
                .mapper(mapper != null ? mapper : JsonBinding.newDefaultMapper())
                .maxAttachments(maxAttachments)
                .build();
    ObjectMapper m = p.binding().mapper();
    EngineOptions engineOptions = engine.build();
    if (serveClient) engineOptions = withBrowserClient(engineOptions);
    return new ServerOptions(
        host,
        port,
        engineOptions,
        connectTimeout,
        connectionStateRecovery,
        cleanupEmptyChildNamespaces,
        adapterFactory,
        p,
        m,
        serveClient,
        listenerExecutor,
        new ServerOptions.PeerBounds(
            partialPacketTimeout,
            maxPartialPacketBytes,
            maxPartialPacketBytesTotal,
            maxDynamicNamespaces,
            maxRoomsPerSocket,
            maxPendingAcks));
  }

  /** The server, not started yet: call {@link SocketIoServer#start()}. */
  public SocketIoServer build() {
    SocketIoServer server = new SocketIoServer(options());
    for (ServerInstrumentation i : instrumentations) server.instrument(i);
    return server;
  }

  /** Serves the packed browser client under the path, before the user's own handler. */
  private static EngineOptions withBrowserClient(EngineOptions options) {
    String path = options.path().substring(0, options.path().length() - 1);
    HttpHandler client;
    try {
      client = BROWSER_CLIENTS.computeIfAbsent(path.isEmpty() ? "/" : path, BrowserClient::at);
    } catch (IllegalStateException e) {
      LoggerFactory.getLogger("io.sio4j.server")
          .warn("serveClient: the browser client bundle is not in this build: {}", e.getMessage());
      return options;
    }
    HttpHandler user = options.httpHandler();
    HttpHandler both = user == null ? client : HttpRoutes.of(client, user);
    return options.toBuilder().httpHandler(both).build();
  }
}
