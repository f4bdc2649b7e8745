package io.sio4j.client;

import io.sio4j.client.internal.engine.Backoff;
import io.sio4j.client.internal.engine.ClientLoop;
import io.sio4j.client.internal.engine.EngineClient;
import io.sio4j.client.internal.engine.EngineUris;
import io.sio4j.client.transport.HttpConnector;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.event.EventEmitter;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.event.ListenerInvoker;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.PacketDecoder;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.time.Cancellable;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a Socket.IO server, shared by the {@link Socket}s of its namespaces, with the
 * JavaScript client's reconnection: exponential backoff with jitter, {@code reconnectionAttempts},
 * connection {@code timeout}. Events (listen with {@link #on}): {@code open}, {@code close}
 * (reason, cause), {@code error} (Throwable), {@code ping}, {@code reconnect_attempt} (Integer),
 * {@code reconnect} (Integer), {@code reconnect_error} (Throwable), {@code reconnect_failed}. The
 * listener methods are the shared emitter's ({@link EventEmitter}).
 *
 * <pre>{@code
 * Manager manager = Manager.create("https://example.com", ClientOptions.DEFAULTS);
 * manager.on("reconnect_attempt", (Integer attempt) -> System.out.println("attempt " + attempt));
 * Socket chat = manager.socket("/chat");
 * Socket admin = manager.socket("/admin");   // same connection
 * ...
 * manager.close();                           // ends the connection and the Manager's thread
 * }</pre>
 *
 * <p>Threading: thread-safe. State changes on the Manager's own thread only: one non-daemon thread,
 * started when there is work (connecting, a task, a timer) and ended between tasks once the Manager
 * is idle (closed, not reconnecting, no timer pending), so a {@code main} exits after {@link
 * #close()}. Calls from other threads are queued there and never dropped: after {@link #close()} a
 * call starts the thread again (an emit is buffered, an acknowledgement timeout still fires). A new
 * thread starts only after the previous one ended, so two threads never share the state. Listeners
 * run on that thread in order, or on {@link ClientOptions#listenerExecutor()}; a listener must not
 * block the Manager's thread.
 */
public final class Manager implements EventEmitter<Manager> {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.client");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** How long a closing connection may take to write its last packets. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

  enum ReadyState {
    CLOSED,
    OPENING,
    OPEN
  }

  final URI uri;
  final ClientOptions options;

  /** The parser's own binding: incoming data binds with the mapper the user configured. */
  final JsonBinding binding;

  final SocketIoParser parser;
  private final ListenerInvoker invoker;
  private final EngineUris uris;
  private HttpConnector http; // on the loop; closed whenever the loop goes idle, made on open
  private final Map<String, Socket> nsps = new ConcurrentHashMap<>();
  final ListenerRegistry listeners;
  private final ClientLoop loop;
  // per Manager, as each JS page has its own (ClientOptions#rememberUpgrade)
  private final AtomicBoolean priorWebsocketSuccess = new AtomicBoolean();

  // confined to the loop
  private final Set<Socket> subscribed = new LinkedHashSet<>();
  private final Backoff backoff;
  private final List<Cancellable> subs = new ArrayList<>();
  private EngineClient engine;
  private boolean mainJoinedByServer; // ClientOptions#eio3: the server's CONNECT for "/" arrived
  private EngineClient closing;
  private Cancellable closeGrace = Cancellable.NONE;
  private PacketDecoder decoder;
  private volatile ReadyState readyState = ReadyState.CLOSED;
  private boolean skipReconnect;
  private boolean reconnecting;

  private Manager(URI uri, ClientOptions options) {
    this.uri = uri;
    this.options = options;
    this.parser = options.parser();
    this.binding = parser.binding();
    this.invoker = new ListenerInvoker(binding);
    this.uris = EngineUris.of(uri, options);
    this.backoff =
        new Backoff(
            options.reconnectionDelay(),
            options.reconnectionDelayMax(),
            options.randomizationFactor(),
            RANDOM::nextDouble);
    this.listeners = newRegistry(() -> "manager " + uri);
    this.loop = ClientLoop.create(ClientLoop.newThreadName(), this::idle, options.scheduler());
  }

  /**
   * A Manager for the server at {@code uri} (its path is ignored: namespaces come from {@link
   * #socket}). Connects at once when {@link ClientOptions#autoConnect()} is on.
   */
  public static Manager create(String uri, ClientOptions options) {
    Manager m = new Manager(IO.parse(uri), options);
    if (options.autoConnect()) m.open();
    return m;
  }

  static Manager createUnopened(URI uri, ClientOptions options) {
    return new Manager(uri, options);
  }

  /** The socket of a namespace, created on first use; one per namespace per Manager. */
  public Socket socket(String namespace) {
    return socket(namespace, null);
  }

  /**
   * The socket of a namespace with socket options ({@code auth}, {@code ackTimeout}, {@code
   * retries}; {@code null} means the Manager's). Connects it when {@code autoConnect} is on.
   */
  public Socket socket(String namespace, ClientOptions socketOptions) {
    String nsp = namespace == null || namespace.isEmpty() ? "/" : namespace;
    if (!nsp.startsWith("/")) nsp = "/" + nsp;
    ClientOptions opts = socketOptions == null ? options : socketOptions;
    boolean[] created = {false};
    String key = nsp;
    Socket s =
        nsps.computeIfAbsent(
            key,
            k -> {
              created[0] = true;
              return new Socket(this, k, opts);
            });
    if (options.autoConnect() && !s.active()) s.connect();
    return s;
  }

  boolean hasSocket(String nsp) {
    return nsps.containsKey(nsp);
  }

  /** Connects (when not connected or connecting); idempotent. */
  public Manager open() {
    execute(() -> open(null));
    return this;
  }

  /** Same as {@link #open()}. */
  public Manager connect() {
    return open();
  }

  /**
   * Closes the connection without reconnecting and ends the Manager's thread once idle. A later
   * {@link #open()} or {@link Socket#connect()} starts over.
   */
  public void close() {
    execute(this::forceClose);
  }

  /** Same as {@link #close()}. */
  public void disconnect() {
    close();
  }

  /** Whether the Engine.IO connection is open. */
  public boolean isOpen() {
    return readyState == ReadyState.OPEN;
  }

  /**
   * The registry behind {@code on}, {@code once}, {@code off}... (see {@link EventEmitter}); the
   * Manager's events carry Java values as they are.
   */
  @Override
  public ListenerRegistry listenerRegistry() {
    return listeners;
  }

  /** A registry for this Manager or one of its sockets: its mapper, its listener thread. */
  ListenerRegistry newRegistry(java.util.function.Supplier<String> owner) {
    Executor executor = options.listenerExecutor();
    return new ListenerRegistry(invoker, executor == null ? Runnable::run : executor, log, owner);
  }

  // ---- thread

  /** Runs the task on the Manager's thread, starting one when none runs; never drops it. */
  void execute(Runnable task) {
    loop.execute(task);
  }

  ClientLoop loop() {
    return loop;
  }

  /**
   * Whether the loop's thread may end (called on the loop between tasks). Then the connector is
   * closed too, so that no selector thread of the JDK's HttpClient outlives the Manager (issue 14);
   * the next {@link #open()} makes a new one.
   */
  private boolean idle() {
    boolean idle = readyState == ReadyState.CLOSED && !reconnecting && closing == null;
    if (idle && http != null) {
      http.close();
      http = null;
    }
    return idle;
  }

  // ---- connection (confined to the loop)

  private void open(Consumer<Throwable> callback) {
    if (readyState != ReadyState.CLOSED) return;
    log.debug("{}: opening", uri);
    EngineEvents events = new EngineEvents(callback);
    if (http == null) http = options.transportFactory().create(options);
    EngineClient e = new EngineClient(uris, options, http, loop, events, priorWebsocketSuccess);
    events.self = e;
    engine = e;
    readyState = ReadyState.OPENING;
    skipReconnect = false;
    subs.add(
        loop()
            .schedule(
                () -> {
                  if (engine != e || readyState != ReadyState.OPENING) return;
                  onOpenError(new ConnectError("timeout", null, false, null), callback);
                  e.close();
                },
                options.timeout()));
    e.open();
  }

  private void onOpen(Consumer<Throwable> callback) {
    cleanup();
    mainJoinedByServer = false;
    readyState = ReadyState.OPEN;
    decoder = parser.newDecoder();
    listeners.emitReserved("open");
    for (Socket s : List.copyOf(subscribed)) s.session.onManagerOpen();
    if (callback != null) callback.accept(null);
  }

  private void onOpenError(Throwable error, Consumer<Throwable> callback) {
    cleanup();
    readyState = ReadyState.CLOSED;
    engine = null;
    emitError(error);
    if (callback != null) {
      callback.accept(error);
    } else if (!reconnecting && options.reconnection() && backoff.attempts() == 0) {
      reconnect();
    }
  }

  private void emitError(Throwable error) {
    listeners.emitReserved("error", error);
    for (Socket s : List.copyOf(subscribed)) s.session.onManagerError(error);
  }

  private void onMessage(EnginePacket frame) {
    SocketPacket packet;
    try {
      packet =
          frame.isBinary()
              ? decoder.decodeBinary(frame.binary())
              : decoder.decodeText(frame.text());
    } catch (ProtocolException e) {
      log.debug("invalid packet from the server: {}", e.getMessage());
      onClose("parse error", e);
      return;
    }
    if (packet == null) return; // awaiting attachments
    if (options.eio3()
        && packet.type() == io.sio4j.protocol.socketio.SocketPacketType.CONNECT
        && packet.namespace().equals("/")) {
      // protocol v4: the server joins "/" on its own; a "/" socket made later still learns it
      mainJoinedByServer = true;
      for (Socket waiting : List.copyOf(subscribed)) waiting.session.onMainJoined();
    }
    Socket s = nsps.get(packet.namespace());
    if (s != null && subscribed.contains(s)) {
      s.session.onPacket(packet);
    } else {
      log.debug("packet for namespace {} without an active socket ignored", packet.namespace());
    }
  }

  private void onClose(String reason, Throwable cause) {
    cleanup();
    EngineClient e = engine;
    engine = null;
    if (e != null && !e.isClosed()) {
      // keep the thread until the engine wrote what it buffered (bounded: see CLOSE_GRACE)
      closing = e;
      e.close();
      if (e.isClosed()) {
        closing = null;
      } else {
        closeGrace =
            loop.schedule(
                () -> {
                  if (closing == e) closing = null;
                },
                CLOSE_GRACE);
      }
    }
    backoff.reset();
    readyState = ReadyState.CLOSED;
    listeners.emitReserved("close", reason, cause);
    for (Socket s : List.copyOf(subscribed)) s.session.onManagerClose(reason, cause);
    if (options.reconnection() && !skipReconnect) reconnect();
  }

  private void cleanup() {
    subs.forEach(Cancellable::cancel);
    subs.clear();
    if (decoder != null) decoder.reset();
  }

  private void forceClose() {
    skipReconnect = true;
    reconnecting = false;
    if (readyState == ReadyState.CLOSED) {
      cleanup();
      return;
    }
    onClose("forced close", null);
  }

  private void reconnect() {
    if (reconnecting || skipReconnect) return;
    if (backoff.attempts() >= options.reconnectionAttempts()) {
      backoff.reset();
      reconnecting = false;
      listeners.emitReserved("reconnect_failed");
      return;
    }
    reconnecting = true;
    subs.add(
        loop()
            .schedule(
                () -> {
                  if (skipReconnect) return;
                  listeners.emitReserved("reconnect_attempt", backoff.attempts());
                  if (skipReconnect) return;
                  open(
                      err -> {
                        if (err != null) {
                          reconnecting = false;
                          reconnect();
                          listeners.emitReserved("reconnect_error", err);
                        } else {
                          int attempt = backoff.attempts();
                          reconnecting = false;
                          backoff.reset();
                          listeners.emitReserved("reconnect", attempt);
                        }
                      });
                },
                backoff.next()));
  }

  // ---- used by sockets (on the loop)

  void subscribe(Socket s) {
    subscribed.add(s);
    if (!reconnecting) open(null);
    if (readyState == ReadyState.OPEN) s.session.onManagerOpen();
  }

  /** A socket left: the connection closes when no socket is active any more. */
  void unsubscribe(Socket s) {
    subscribed.remove(s);
    if (subscribed.isEmpty()) forceClose();
  }

  /** v3: whether the server already joined this connection to "/" (its implicit CONNECT). */
  boolean mainJoinedByServer() {
    return mainJoinedByServer;
  }

  /** The Engine.IO session id of the open connection, or null. */
  String engineId() {
    EngineClient e = engine;
    return e == null ? null : e.sid();
  }

  /** Writes an encoded packet; false when there is no open connection. */
  boolean write(EncodedPacket packet) {
    EngineClient e = engine;
    if (e == null || readyState != ReadyState.OPEN) return false;
    for (EnginePacket frame : packet.frames()) e.send(frame);
    return true;
  }

  /** Whether a packet written now would go out at once (for volatile emits). */
  boolean writable() {
    return engine != null && readyState == ReadyState.OPEN && engine.writable();
  }

  /** Adapts the engine's events, ignoring those of an engine that is no longer current. */
  private final class EngineEvents implements EngineClient.Listener {
    private final Consumer<Throwable> callback;
    private EngineClient self;

    EngineEvents(Consumer<Throwable> callback) {
      this.callback = callback;
    }

    @Override
    public void onOpen(EngineClient e) {
      if (engine == e && readyState == ReadyState.OPENING) Manager.this.onOpen(callback);
    }

    @Override
    public void onMessage(EnginePacket packet) {
      if (engine == self && readyState == ReadyState.OPEN) Manager.this.onMessage(packet);
    }

    @Override
    public void onPing() {
      if (engine == self) listeners.emitReserved("ping");
    }

    @Override
    public void onError(Throwable error) {
      if (engine != self) return;
      if (readyState == ReadyState.OPENING) {
        onOpenError(error, callback);
      } else if (readyState == ReadyState.OPEN) {
        emitError(error);
      }
    }

    @Override
    public void onClose(String reason, Throwable cause) {
      if (closing == self) {
        closing = null;
        closeGrace.cancel();
      }
      if (engine != self) return;
      if (readyState == ReadyState.OPEN) Manager.this.onClose(reason, cause);
    }
  }
}
