package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.protocol.socketio.SocketIoParser;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A Socket.IO v5 server (the official server's {@code io}), on an Engine.IO server on Netty.
 * Methods that target sockets ({@code emit}, {@code to}, {@code use}, {@code on}...) act on the
 * main namespace {@code "/"}.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.create(3000);
 * io.on("connection", socket -> socket.on("chat", (String msg) -> io.emit("chat", msg)));
 *
 * SocketIoServer test = SocketIoServer.builder()
 *     .host("127.0.0.1").port(0)
 *     .pingInterval(Duration.ofMillis(300))
 *     .connectionStateRecovery(Duration.ofMinutes(2), true)
 *     .build()
 *     .start();
 * int port = test.address().getPort();
 * test.close();
 * }</pre>
 *
 * <p>Threading: thread-safe. Listeners run on the event loop of the connection concerned unless a
 * {@link ServerBuilder#listenerExecutor(Executor) listener executor} is set.
 */
public final class SocketIoServer implements AutoCloseable {
  private final ServerOptions options;
  private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
  private final List<ParentNamespace> parents = new CopyOnWriteArrayList<>();
  private final List<Consumer<Namespace>> newNamespaceListeners = new CopyOnWriteArrayList<>();
  // no set of clients: the namespaces' sockets lead to every client that has something to close
  // (a map entry less per connection, issue 12); a connection in no namespace has no socket to tell
  private volatile boolean closing;
  private final java.util.concurrent.atomic.AtomicInteger dynamicNamespaces =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong partialPacketBytes =
      new java.util.concurrent.atomic.AtomicLong();
  private final Namespace main;
  private final io.sio4j.protocol.event.JsonBinding binding;
  private final io.sio4j.protocol.event.ListenerInvoker invoker;
  private volatile EngineServer engine; // replaced once by start(hosted)
  private final CarriedEngine userEngine; // what io.engine() gives before start(hosted)
  private boolean started; // guarded by this
  private volatile InetSocketAddress address;
  private volatile Instruments instruments = Instruments.EMPTY;

  SocketIoServer(ServerOptions options) {
    this.options = options;
    // binds incoming data with the mapper the parser reads and writes with: one per server
    this.binding = options.parser().binding();
    this.invoker = new io.sio4j.protocol.event.ListenerInvoker(binding);
    this.main = new Namespace(this, "/", null);
    // created now (nothing listens yet) so that engine hooks can be added before start()
    this.engine = EngineServer.create(engineOptions());
    engine.onConnection(this::accept);
    this.userEngine = new CarriedEngine(engine);
    namespaces.put("/", main);
  }

  /** Starts a server on all interfaces, on {@code port}, with the default options. */
  public static SocketIoServer create(int port) {
    return builder().port(port).build().start();
  }

  /** A builder with the official defaults. */
  public static ServerBuilder builder() {
    return new ServerBuilder();
  }

  /** Binds and starts serving; blocks until the port is bound. Returns this server. */
  public synchronized SocketIoServer start() {
    if (started) throw new IllegalStateException("already started");
    started = true;
    address = engine.listen(options.host(), options.port()).join();
    return this;
  }

  /**
   * The options an engine of this server is built from, on any host: {@link ServerOptions#engine()}
   * with the server's metrics forwarding ({@link #instrument}) added.
   */
  public EngineOptions engineOptions() {
    return options.engine().toBuilder().instrumentation(new EngineForwarder(this)).build();
  }

  /**
   * Serves on an engine that another host made, instead of listening on a port of its own: the
   * Jakarta host does this when it mounts the server in a servlet container ({@code
   * SocketIoJakarta.attach(io, servletContext)} in sio4j-jakarta). The engine must have been built
   * from {@link #engineOptions()}. The container owns the port; {@link #address()} is the engine's
   * {@link EngineServer#hostAddress()}. Engine hooks added to {@link #engine()} before this call
   * ({@code use}, {@code on("headers", ...)}, connection listeners) are carried to {@code hosted}.
   */
  public synchronized SocketIoServer start(EngineServer hosted) {
    if (started) throw new IllegalStateException("already started");
    started = true;
    Objects.requireNonNull(hosted, "hosted").onConnection(this::accept);
    // the Netty engine made by the constructor never listened; the hooks go along to hosted
    userEngine.moveTo(hosted);
    engine = hosted;
    return this;
  }

  /**
   * Reads the TLS certificate and key files again ({@link ServerBuilder#tls}): new connections get
   * the new certificate, open ones continue with theirs. If the files are unusable the current
   * certificate stays and this throws.
   *
   * <pre>{@code
   * // e.g. from a certbot deploy hook, or a file watcher of the application's own
   * io.reloadTls();
   * }</pre>
   *
   * @throws IllegalStateException when TLS is off, the server is not started, or the files are
   *     unusable
   */
  public void reloadTls() {
    EngineServer e = engine;
    if (e == null) throw new IllegalStateException("not started");
    e.reloadTls();
  }

  /**
   * Adds metrics callbacks (before or after {@link #start()}); they see what happens from then on.
   * {@code SocketIoMetrics.bind(io, registry)} in sio4j-micrometer calls this.
   */
  public synchronized SocketIoServer instrument(ServerInstrumentation instrumentation) {
    instruments = instruments.with(java.util.Objects.requireNonNull(instrumentation));
    return this;
  }

  /**
   * The bound address, once started: its own port, or where the container listens when the hosted
   * engine says ({@link EngineServer#hostAddress()}).
   */
  public InetSocketAddress address() {
    InetSocketAddress a = address;
    EngineServer e = engine;
    return a == null && e != null ? e.hostAddress() : a;
  }

  /** The options. */
  public ServerOptions options() {
    return options;
  }

  /**
   * The underlying Engine.IO server (the official {@code io.engine}), available before {@link
   * #start()}: its hooks ({@code use}, {@code on("headers", ...)}) are best added before clients
   * arrive.
   *
   * <pre>{@code
   * io.engine().use((req, res, next) -> {
   *   if (req.cookies().containsKey("app_session")) next.proceed();
   *   else res.end(401, "text/plain", "login first");
   * });
   * io.engine().on("initial_headers", (headers, req) ->
   *     headers.put("set-cookie", List.of("seen=1; Path=/")));
   * }</pre>
   */
  public EngineServer engine() {
    return userEngine;
  }

  /** The namespaces that exist now (the official {@code io._nsps}): a read-only live view. */
  public java.util.Collection<Namespace> namespaces() {
    return java.util.Collections.unmodifiableCollection(namespaces.values());
  }

  /** The main namespace {@code "/"} ({@code io.sockets}). */
  public Namespace sockets() {
    return main;
  }

  /** The namespace with this name, created when needed ({@code io.of("/admin")}). */
  public Namespace of(String name) {
    Objects.requireNonNull(name, "name");
    String n = name.startsWith("/") ? name : "/" + name;
    boolean[] created = {false};
    Namespace nsp =
        namespaces.computeIfAbsent(
            n,
            k -> {
              created[0] = true;
              return new Namespace(this, k, null);
            });
    if (created[0]) fireNewNamespace(nsp);
    return nsp;
  }

  /** A dynamic namespace matching names against a regular expression (whole name). */
  public ParentNamespace of(Pattern pattern) {
    return of((name, auth) -> pattern.matcher(name).matches());
  }

  /** A dynamic namespace whose children are the names the matcher accepts. */
  public ParentNamespace of(NamespaceMatcher matcher) {
    ParentNamespace parent =
        new ParentNamespace(this, "/_" + Ids.newId(), Objects.requireNonNull(matcher));
    parents.add(parent);
    return parent;
  }

  /** Listens to {@code "new_namespace"}: called for each namespace created after this call. */
  public SocketIoServer onNewNamespace(Consumer<Namespace> listener) {
    newNamespaceListeners.add(listener);
    return this;
  }

  /** Listens to {@code "connection"} on the main namespace. See {@link Namespace#on}. */
  public SocketIoServer on(String event, Consumer<Socket> listener) {
    if ("new_namespace".equals(event)) {
      throw new IllegalArgumentException("use io.onNewNamespace(nsp -> ...) for \"new_namespace\"");
    }
    main.on(event, listener);
    return this;
  }

  /** Adds a middleware to the main namespace. */
  public SocketIoServer use(Middleware middleware) {
    main.use(middleware);
    return this;
  }

  /** Targets rooms of the main namespace. */
  public BroadcastOperator to(String... rooms) {
    return main.to(rooms);
  }

  /** Same as {@link #to(String...)}. */
  public BroadcastOperator in(String... rooms) {
    return main.in(rooms);
  }

  /** Targets every socket of the main namespace but those in these rooms. */
  public BroadcastOperator except(String... rooms) {
    return main.except(rooms);
  }

  /** Targets the sockets of this node only. */
  public BroadcastOperator local() {
    return main.local();
  }

  /** A volatile broadcast ({@code io.volatile}). */
  public BroadcastOperator asVolatile() {
    return main.asVolatile();
  }

  /** A broadcast with compression on or off. */
  public BroadcastOperator compress(boolean compress) {
    return main.compress(compress);
  }

  /** A broadcast whose acknowledgements time out. */
  public BroadcastOperator timeout(Duration timeout) {
    return main.timeout(timeout);
  }

  /** Sends an event to every socket of the main namespace. */
  public SocketIoServer emit(String event, Object... args) {
    main.emit(event, args);
    return this;
  }

  /** Sends a {@code message} event to every socket of the main namespace. */
  public SocketIoServer send(Object... args) {
    main.send(args);
    return this;
  }

  /** Broadcast with acknowledgements to the main namespace. */
  public CompletableFuture<List<io.sio4j.protocol.event.Arguments>> emitWithAck(
      String event, Object... args) {
    return main.emitWithAck(event, args);
  }

  /** Makes every socket of the main namespace join rooms. */
  public void socketsJoin(String... rooms) {
    main.socketsJoin(rooms);
  }

  /** Makes every socket of the main namespace leave rooms. */
  public void socketsLeave(String... rooms) {
    main.socketsLeave(rooms);
  }

  /** Disconnects every socket of the main namespace. */
  public void disconnectSockets(boolean close) {
    main.disconnectSockets(close);
  }

  /** Views of every socket of the main namespace. */
  public CompletableFuture<List<RemoteSocket>> fetchSockets() {
    return main.fetchSockets();
  }

  /** Sends an event to the other server nodes. */
  public void serverSideEmit(String event, Object... args) {
    main.serverSideEmit(event, args);
  }

  /** Sends an event to the other server nodes and gathers their answers. */
  public CompletableFuture<List<ArrayNode>> serverSideEmitWithAck(String event, Object... args) {
    return main.serverSideEmitWithAck(event, args);
  }

  /** Listens to an event sent by another server node to the main namespace. */
  public SocketIoServer onServerSideEmit(String event, ServerSideEmitListener listener) {
    main.onServerSideEmit(event, listener);
    return this;
  }

  /**
   * Closes gracefully: every socket gets {@code "server shutting down"}, the adapters close, then
   * the Engine.IO server closes every connection and stops listening.
   */
  public CompletableFuture<Void> closeAsync() {
    // sockets close first, so that adapters persist their sessions before they close; from now on
    // a connection that is still joining a namespace is refused (Client#isOpen)
    closing = true;
    Set<Client> clients = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Namespace n : namespaces.values()) {
      for (Socket s : n.sockets().values()) clients.add(s.client());
    }
    CompletableFuture<?>[] sockets =
        clients.stream().map(Client::shutdown).toArray(CompletableFuture[]::new);
    EngineServer e = engine;
    return CompletableFuture.allOf(sockets)
        .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
        .handle((v, err) -> null)
        .thenCompose(
            v ->
                CompletableFuture.allOf(
                    namespaces.values().stream()
                        .map(n -> n.adapter().close())
                        .toArray(CompletableFuture[]::new)))
        .handle((v, err) -> null)
        .thenCompose(v -> e == null ? CompletableFuture.completedFuture(null) : e.shutdown());
  }

  /** Same as {@code closeAsync().join()}. */
  @Override
  public void close() {
    closeAsync().join();
  }

  // ---- internals ----

  Instruments instruments() {
    return instruments;
  }

  SocketIoParser parser() {
    return options.parser();
  }

  io.sio4j.protocol.event.ListenerInvoker invoker() {
    return invoker;
  }

  ObjectMapper mapper() {
    return binding.mapper();
  }

  io.sio4j.protocol.event.JsonBinding binding() {
    return binding;
  }

  Namespace mainNamespace() {
    return main;
  }

  /** A new Engine.IO connection; on its event loop. */
  void accept(io.sio4j.engine.EngineSocket conn) {
    new Client(this, conn); // the connection holds it as its listener
  }

  /** Bytes held by the partial binary packets of all connections (their server-wide bound). */
  java.util.concurrent.atomic.AtomicLong partialPacketBytes() {
    return partialPacketBytes;
  }

  /** Whether {@link #closeAsync()} was called: no socket may connect any more. */
  boolean closing() {
    return closing;
  }

  /** The namespace for a CONNECT: an existing one, a new child of a matching parent, or null. */
  Namespace lookupNamespace(String name, JsonNode auth) {
    Namespace existing = namespaces.get(name);
    if (existing != null) return existing;
    for (ParentNamespace parent : parents) {
      boolean matches;
      try {
        matches = parent.matches(name, auth);
      } catch (RuntimeException e) {
        Socket.LOG.error("namespace matcher failed for {}", name, e);
        matches = false;
      }
      if (!matches) continue;
      boolean[] created = {false};
      Namespace child =
          namespaces.computeIfAbsent(
              name,
              n -> {
                if (dynamicNamespaces.get() >= options.maxDynamicNamespaces()) return null;
                dynamicNamespaces.incrementAndGet();
                created[0] = true;
                return parent.createChild(n);
              });
      if (child == null) {
        Socket.LOG.debug("maxDynamicNamespaces reached: refusing {}", name);
        return null;
      }
      if (created[0]) fireNewNamespace(child);
      return child;
    }
    return null;
  }

  void removeNamespace(Namespace nsp) {
    if (namespaces.remove(nsp.name(), nsp)) {
      // only children of a parent namespace are ever removed (cleanupEmptyChildNamespaces)
      dynamicNamespaces.decrementAndGet();
      nsp.adapter().close();
    }
  }

  private void fireNewNamespace(Namespace nsp) {
    for (Consumer<Namespace> l : newNamespaceListeners) {
      try {
        l.accept(nsp);
      } catch (RuntimeException e) {
        Socket.LOG.error("new_namespace listener failed", e);
      }
    }
  }

  /**
   * The scheduler for timers that belong to no single connection (broadcast acknowledgement
   * timeouts, recovery expiry): the injected one, else a shared daemon timer thread.
   */
  io.sio4j.protocol.time.Scheduler timers() {
    io.sio4j.protocol.time.Scheduler s = options.engine().scheduler();
    return s != null ? s : SharedTimer.INSTANCE;
  }

  /** Runs listener code for a socket: inline on the event loop, or on the listener executor. */
  void dispatch(Socket socket, Runnable task) {
    Executor executor = options.listenerExecutor();
    if (executor == null) task.run();
    else socket.enqueue(task, executor);
  }
}
