package io.sio4j.jakarta.internal;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoop;
import io.sio4j.engine.EngineConnectionError;
import io.sio4j.engine.EngineMiddleware;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HeadersListener;
import io.sio4j.engine.internal.EngineCore;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jakarta host of {@link EngineServer}: the container carries the bytes, an {@link EngineCore}
 * holds the sessions. Each session is confined to one of a few serial executors (Netty's plain,
 * non-I/O {@link DefaultEventLoopGroup}: one thread each, FIFO), so container threads only parse
 * and hand over, and never wait for a poll or hold a lock across I/O.
 *
 * <pre>{@code
 * EngineServer engine = JakartaEngineServer.mount(options, servletContext);
 * engine.onConnection(socket -> ...);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class JakartaEngineServer implements EngineServer {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private final EngineCore core;
  private final DefaultEventLoopGroup loops;
  private CompletableFuture<Void> shutdown;

  private JakartaEngineServer(EngineOptions options) {
    this.core = new EngineCore(options);
    int threads =
        options.ioThreads() > 0
            ? options.ioThreads()
            : Math.max(2, Runtime.getRuntime().availableProcessors());
    this.loops = new DefaultEventLoopGroup(threads);
  }

  /** Creates the server and maps its servlet in {@code context}. */
  public static JakartaEngineServer mount(EngineOptions options, ServletContext context) {
    JakartaEngineServer server = new JakartaEngineServer(options);
    EngineServlet servlet = new EngineServlet(server, context);
    ServletRegistration.Dynamic reg = context.addServlet("sio4j-engine", servlet);
    if (reg == null) throw new IllegalStateException("a servlet named sio4j-engine exists already");
    reg.setAsyncSupported(true);
    reg.setLoadOnStartup(1);
    String path = options.path();
    String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    Set<String> conflicts = reg.addMapping(base + "/*", base);
    if (!conflicts.isEmpty()) log.warn("the engine path {} is mapped already: {}", path, conflicts);
    if (options.httpHandler() != null) {
      Set<String> taken = reg.addMapping("/");
      if (!taken.isEmpty()) {
        log.info("the application maps / itself; the HTTP handler serves under {} only", path);
      }
    }
    // an undeployed application takes its sessions and executors with it
    context.addListener(
        new ServletContextListener() {
          @Override
          public void contextDestroyed(ServletContextEvent event) {
            server.shutdown();
          }
        });
    return server;
  }

  EngineCore core() {
    return core;
  }

  /** The serial executor a new session is confined to. */
  EventLoop nextLoop() {
    return loops.next();
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
  public CompletableFuture<InetSocketAddress> listen(String host, int port) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException("on a servlet container, the container listens"));
  }

  /** TLS is the container's connector's business on this host. */
  @Override
  public void reloadTls() {
    throw new IllegalStateException("on a servlet container, TLS is the container's connector's");
  }

  @Override
  public int clientsCount() {
    return core.clientsCount();
  }

  @Override
  public EngineOptions options() {
    return core.options();
  }

  @Override
  public synchronized CompletableFuture<Void> shutdown() {
    if (shutdown != null) return shutdown;
    shutdown = new CompletableFuture<>();
    core.shutdownSessions();
    CompletableFuture<Void> done = shutdown;
    // a short quiet period lets the sessions' close frames and answers go out
    loops.shutdownGracefully(50, 2000, TimeUnit.MILLISECONDS).addListener(f -> done.complete(null));
    return done;
  }
}
