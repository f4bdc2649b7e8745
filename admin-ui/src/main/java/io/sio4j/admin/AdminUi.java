package io.sio4j.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.engine.HttpHandler;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import io.sio4j.server.BroadcastOperator;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.Socket;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.http.StaticFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the official Socket.IO admin UI (npm {@code @socket.io/admin-ui} 0.5.x, also
 * hosted at https://admin.socket.io): the {@code /admin} namespace with its authentication, the
 * {@code server_stats} every 2 seconds, the socket and room events ({@code all_sockets}, {@code
 * socket_connected}, {@code socket_disconnected}, {@code room_joined}, {@code room_left}, {@code
 * event_received}, {@code event_sent}), and the operator actions {@code emit}, {@code join}, {@code
 * leave} and {@code _disconnect} unless read-only.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder()
 *     .port(3000)
 *     .httpHandler(AdminUi.page().mountedAt("/admin-ui")) // the UI itself, optional
 *     .build();
 * AdminUi.instrument(io, AdminUiOptions.builder().auth("admin", bcryptHash).build());
 * io.start(); // then open http://localhost:3000/admin-ui/
 * }</pre>
 *
 * <p>In a cluster, every node calls {@code instrument}: the admin namespace's events, the socket
 * list and the operator actions all go through the namespace adapter (a Redis adapter, for one), so
 * a UI connected to any node sees and acts on every node. Login sessions are kept per node.
 *
 * <p>Threading: thread-safe.
 */
public final class AdminUi implements AutoCloseable {
  static final Duration STATS_INTERVAL = Duration.ofSeconds(2); // the official interval
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.admin");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final SocketIoServer io;
  private final AdminUiOptions options;
  private final Namespace admin;
  private final SocketViews views;
  private final AdminStats stats;
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private final Scheduler scheduler;
  private final ScheduledExecutorService ownTimer;
  private volatile Cancellable nextStats = Cancellable.NONE;
  private volatile boolean closed;

  private AdminUi(SocketIoServer io, AdminUiOptions options) {
    this.io = io;
    this.options = options;
    this.admin = io.of(options.namespace());
    this.views = new SocketViews(io.options().mapper());
    this.stats = new AdminStats(io, options.serverId());
    Scheduler injected = io.options().engine().scheduler();
    this.ownTimer =
        injected != null
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "sio4j-admin-ui-stats");
                  t.setDaemon(true);
                  return t;
                });
    this.scheduler = injected != null ? injected : new ExecutorScheduler(ownTimer);
  }

  /**
   * Adds the admin namespace to {@code io} and starts sending stats; returns a handle whose {@link
   * #close()} stops the stats (closing the server is enough otherwise).
   */
  public static AdminUi instrument(SocketIoServer io, AdminUiOptions options) {
    AdminUi ui = new AdminUi(io, options);
    ui.start();
    return ui;
  }

  /**
   * The official UI's built page (packed from npm {@code @socket.io/admin-ui} at build time), to
   * mount where it should be served, e.g. {@code AdminUi.page().mountedAt("/admin-ui")}: then open
   * {@code /admin-ui/} (with the slash) and connect to the server's own URL.
   */
  public static StaticFiles page() {
    return StaticFiles.fromClasspath("sio4j-admin-ui/", AdminUi.class.getClassLoader());
  }

  /** {@link #page()} mounted at {@code path}, as a plain handler. */
  public static HttpHandler page(String path) {
    return page().mountedAt(path);
  }

  @Override
  public void close() {
    closed = true;
    nextStats.cancel();
    if (ownTimer != null) ownTimer.shutdownNow();
  }

  private void start() {
    if (options.username() != null) {
      admin.use(new AdminAuth(options.username(), options.passwordHash()));
    } else {
      log.warn(
          "admin UI: authentication is disabled, anyone reaching {} administers this server",
          options.namespace());
    }
    List<String> features = new ArrayList<>();
    if (!options.readOnly()) {
      features.addAll(
          List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT"));
    }
    features.add("AGGREGATED_EVENTS");
    if (options.development()) features.add("ALL_EVENTS");
    ObjectNode config = JSON.objectNode();
    features.forEach(config.putArray("supportedFeatures")::add);

    admin.on(
        "connection",
        socket -> {
          Object session = socket.data().remove(AdminAuth.SESSION_KEY);
          if (session != null) socket.emit("session", session);
          if (!options.readOnly()) registerActions(socket);
          socket.emit("config", config);
          if (options.development()) {
            allSockets().thenAccept(all -> socket.emit("all_sockets", all));
          }
        });
    io.instrument(stats);
    if (options.development()) {
      io.namespaces().forEach(this::watch);
      io.onNewNamespace(this::watch);
    }
    emitStats();
  }

  private void emitStats() {
    if (closed) return;
    try {
      admin.emit("server_stats", stats.snapshot());
    } catch (RuntimeException e) {
      log.debug("admin UI: stats not sent", e);
    }
    nextStats = scheduler.schedule(this::emitStats, STATS_INTERVAL);
  }

  /** The operator actions (the official client events); a bad argument is logged and ignored. */
  private void registerActions(Socket socket) {
    // emit: [nsp, filter, event, ...args]
    socket.onRaw(
        "emit",
        (args, ack) ->
            action(
                args,
                3,
                1,
                target -> {
                  Object[] rest = new Object[args.size() - 3];
                  for (int i = 3; i < args.size(); i++) rest[i - 3] = args.get(i);
                  target.emit(args.get(2).asText(), rest);
                }));
    // join and leave: [nsp, room, filter?]; _disconnect: [nsp, close, filter?]
    socket.onRaw(
        "join",
        (args, ack) -> action(args, 2, 2, target -> target.socketsJoin(args.get(1).asText())));
    socket.onRaw(
        "leave",
        (args, ack) -> action(args, 2, 2, target -> target.socketsLeave(args.get(1).asText())));
    socket.onRaw(
        "_disconnect",
        (args, ack) ->
            action(args, 2, 2, target -> target.disconnectSockets(args.get(1).asBoolean())));
  }

  /**
   * Runs an action on the sockets of namespace {@code args[0]}, only those in the room at {@code
   * args[filterAt]} when there is one (the official {@code io.of(nsp).in(filter)}). An action with
   * fewer than {@code minArgs} arguments is ignored.
   */
  private void action(
      List<JsonNode> args, int minArgs, int filterAt, Consumer<BroadcastOperator> fn) {
    if (args.size() < minArgs || !args.get(0).isTextual()) {
      log.debug("admin UI: action with bad arguments {}", args);
      return;
    }
    Namespace nsp = io.of(args.get(0).asText());
    JsonNode filter = args.size() > filterAt ? args.get(filterAt) : null;
    BroadcastOperator target =
        filter != null && filter.isTextual() && !filter.asText().isEmpty()
            ? nsp.in(filter.asText())
            : nsp.except();
    try {
      fn.accept(target);
    } catch (RuntimeException e) {
      log.debug("admin UI: action failed", e);
    }
  }

  private CompletableFuture<ArrayNode> allSockets() {
    List<CompletableFuture<List<ObjectNode>>> parts = new ArrayList<>();
    for (Namespace nsp : io.namespaces()) {
      parts.add(
          nsp.fetchSockets()
              .thenApply(
                  list -> {
                    List<ObjectNode> out = new ArrayList<>();
                    for (RemoteSocket s : list) out.add(views.of(s, nsp.name()));
                    return out;
                  }));
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              ArrayNode all = JSON.arrayNode();
              parts.forEach(p -> p.join().forEach(all::add));
              return all;
            });
  }

  /** Development mode: tells the UI about every socket, room and event of {@code nsp}. */
  private void watch(Namespace nsp) {
    if (!watched.add(nsp.name())) return;
    String name = nsp.name();
    boolean isAdmin = name.equals(options.namespace());
    nsp.on(
        "connection",
        socket -> {
          SocketViews.tag(socket);
          admin.emit("socket_connected", views.of(socket), SocketViews.now());
          if (!isAdmin) {
            socket.onAny(
                (event, args) ->
                    admin.emit(
                        "event_received",
                        name,
                        socket.id(),
                        event(event, args),
                        SocketViews.now()));
            socket.onAnyOutgoing(
                (event, args) ->
                    admin.emit(
                        "event_sent", name, socket.id(), event(event, args), SocketViews.now()));
          }
          socket.on(
              "disconnect",
              (String reason) ->
                  admin.emit("socket_disconnected", name, socket.id(), reason, SocketViews.now()));
        });
    nsp.adapter()
        .on(
            "join-room",
            (room, id) -> admin.emit("room_joined", name, room, id, SocketViews.now()));
    nsp.adapter()
        .on("leave-room", (room, id) -> admin.emit("room_left", name, room, id, SocketViews.now()));
  }

  private ArrayNode event(String event, List<Object> args) {
    ArrayNode out = JSON.arrayNode();
    out.add(event);
    for (Object a : args) {
      try {
        JsonNode n = io.options().mapper().valueToTree(a);
        out.add(n);
      } catch (IllegalArgumentException e) {
        out.add(String.valueOf(a));
      }
    }
    return out;
  }

  /** A {@link Scheduler} over the admin UI's own timer thread, used when none is injected. */
  private record ExecutorScheduler(ScheduledExecutorService timer) implements Scheduler {
    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
      try {
        var f = timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> f.cancel(false);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        return Cancellable.NONE;
      }
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  }
}
