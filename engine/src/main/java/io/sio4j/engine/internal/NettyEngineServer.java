package io.sio4j.engine.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.util.NettyRuntime;
import io.sio4j.engine.CookieOptions;
import io.sio4j.engine.EngineConnectionError;
import io.sio4j.engine.EngineMiddleware;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.HeadersListener;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty implementation of {@link EngineServer}: owns the event loops (epoll when available,
 * else NIO), the listening channel and the session registry.
 *
 * <p>Threading: thread-safe. {@link #listen} and {@link #shutdown} may be called from any thread.
 */
public final class NettyEngineServer implements EngineServer {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");
  private static final AdaptiveRecvByteBufAllocator RECEIVE_SIZES =
      new AdaptiveRecvByteBufAllocator();

  private final EngineOptions options;
  private final EngineCore core;
  private final HttpResponder responder;
  private final WebSocketDecoderConfig webSocketDecoderConfig; // the server's, for every upgrade
  private volatile TlsContexts tls;
  private EventLoopGroup group;
  private Channel serverChannel;
  private CompletableFuture<Void> shutdown;

  /** Creates the server. */
  public NettyEngineServer(EngineOptions options) {
    this.options = options;
    this.core = new EngineCore(options);
    this.responder = new HttpResponder(options.cors(), core.hooks());
    this.webSocketDecoderConfig = WebSocketUpgrader.decoderConfig(options);
  }

  @Override
  public EngineServer use(EngineMiddleware middleware) {
    core.hooks().use(middleware);
    return this;
  }

  @Override
  public EngineServer on(String event, HeadersListener listener) {
    core.hooks().on(event, listener);
    return this;
  }

  @Override
  public EngineServer onConnection(Consumer<EngineSocket> listener) {
    core.onConnection(listener);
    return this;
  }

  @Override
  public EngineServer onConnectionError(Consumer<EngineConnectionError> listener) {
    core.onConnectionError(listener);
    return this;
  }

  /**
   * One event loop per core unless the options say otherwise. Not Netty's default of twice the
   * cores: a loop's work is all CPU (no blocking), so a second loop per core only makes the two
   * take turns on it, and a message on the waiting loop waits out the other's time slice
   * (docs/PERFORMANCE.md, "One event loop per core").
   */
  static int ioThreads(EngineOptions options) {
    return options.ioThreads() > 0 ? options.ioThreads() : NettyRuntime.availableProcessors();
  }

  @Override
  public synchronized CompletableFuture<InetSocketAddress> listen(String host, int port) {
    if (group != null) throw new IllegalStateException("already listening");
    if (options.tls() != null && tls == null) {
      try {
        tls = TlsContexts.create(options.tls());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    NettyTransports.Choice transport = NettyTransports.choose();
    group = new MultiThreadIoEventLoopGroup(ioThreads(options), transport.handler());
    if (tls != null && options.tls().watchInterval() != null) {
      long every = options.tls().watchInterval().toMillis();
      TlsContexts t = tls;
      // the tick only hands over: reading files and building a context must not hold an event
      // loop; the group's shutdown cancels the timer
      group.scheduleAtFixedRate(
          () -> ForkJoinPool.commonPool().execute(t::reloadIfChanged),
          every,
          every,
          TimeUnit.MILLISECONDS);
    }
    Class<? extends ServerChannel> type = transport.channel();
    ServerBootstrap b =
        new ServerBootstrap()
            .group(group)
            .channel(type)
            .option(ChannelOption.SO_BACKLOG, 1024)
            // accept failures: paused and logged at most once a minute (issue 14)
            .handler(new AcceptErrorHandler())
            // no TCP_NODELAY option: Netty's socket channels of every transport above set it
            // when they are created, and the option would set it again, one more system call
            // per connection (AcceptedSocketOptionsTest holds Netty to it)
            // the read-size policy is stateless (each channel's handle keeps its own sizes):
            // one for all connections instead of one per connection
            .childOption(ChannelOption.RCVBUF_ALLOCATOR, RECEIVE_SIZES)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(new EngineChannelInitializer(this, responder));
    CompletableFuture<InetSocketAddress> bound = new CompletableFuture<>();
    b.bind(host, port)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
                synchronized (this) {
                  serverChannel = ch;
                }
                log.info(
                    "Engine.IO listening on {} (path {}, {}{})",
                    ch.localAddress(),
                    options.path(),
                    transport.name(),
                    tls == null ? "" : ", TLS " + tls.provider());
                bound.complete((InetSocketAddress) ch.localAddress());
              } else {
                bound.completeExceptionally(f.cause());
              }
            });
    return bound;
  }

  @Override
  public void reloadTls() {
    TlsContexts t = tls;
    if (t == null)
      throw new IllegalStateException("TLS is not on (EngineOptions.tls) or not listening");
    t.reload();
  }

  @Override
  public int clientsCount() {
    return core.clientsCount();
  }

  @Override
  public EngineOptions options() {
    return options;
  }

  /** The WebSocket frame decoder's settings, built once from the options. */
  WebSocketDecoderConfig webSocketDecoderConfig() {
    return webSocketDecoderConfig;
  }

  @Override
  public synchronized CompletableFuture<Void> shutdown() {
    if (shutdown != null) return shutdown;
    shutdown = new CompletableFuture<>();
    core.shutdownSessions();
    if (serverChannel != null) serverChannel.close();
    if (group == null) {
      shutdown.complete(null);
      return shutdown;
    }
    CompletableFuture<Void> done = shutdown;
    // a short quiet period lets the sessions' close frames and responses go out
    group.shutdownGracefully(50, 2000, TimeUnit.MILLISECONDS).addListener(f -> done.complete(null));
    return done;
  }

  // ---- for the handlers ----

  /** What the hosts share: registry, hooks, listeners, ids. */
  EngineCore core() {
    return core;
  }

  /** The TLS contexts, or null when the listener is plain. */
  TlsContexts tls() {
    return tls;
  }

  /** The engine hooks (middlewares, headers listeners, generateId). */
  EngineHooks hooks() {
    return core.hooks();
  }

  /** A new registered session with {@code id}, or null when a session with that id exists. */
  EngineSession newSession(HandshakeRequest request, EventLoop loop, String id) {
    return core.newSession(request, loop, id);
  }

  /** A new session not yet registered (see {@link #register}). */
  EngineSession createSession(HandshakeRequest request, EventLoop loop, String id) {
    return core.createSession(request, loop, id);
  }

  /** Registers a session made by {@link #createSession}; false when its id is taken. */
  boolean register(EngineSession session) {
    return core.register(session);
  }

  /**
   * The Set-Cookie value for the sid cookie (Netty's strict encoder), or null when the cookie
   * option is off.
   */
  String sidCookie(String sid) {
    CookieOptions c = options.cookie();
    if (c == null) return null;
    DefaultCookie cookie = new DefaultCookie(c.name(), sid);
    cookie.setPath(c.path());
    cookie.setHttpOnly(c.httpOnly());
    if (c.sameSite() != null) cookie.setSameSite(CookieHeaderNames.SameSite.valueOf(c.sameSite()));
    return ServerCookieEncoder.STRICT.encode(cookie);
  }

  /** The transports a session on {@code transport} may upgrade to (the OPEN packet's list). */
  List<String> upgradesFrom(String transport) {
    return core.upgradesFrom(transport);
  }

  void fireConnection(EngineSession session) {
    core.fireConnection(session);
  }
}
