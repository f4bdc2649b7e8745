package io.sio4j.jakarta;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.jakarta.internal.JakartaEngineServer;
import io.sio4j.server.SocketIoServer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.function.Consumer;

/**
 * Mounts sio4j on a Jakarta Servlet 6 container, on the application's own port: the Java form of
 * the tutorial's {@code require('socket.io')(http)}. Long-polling goes through an async servlet
 * with non-blocking I/O; WebSocket and the upgrade through Jakarta WebSocket 2.1 (the container's
 * {@code ServerContainer} must be set up, as it is in a web application, or by Jetty's {@code
 * JakartaWebSocketServletContainerInitializer} and Tomcat's {@code WsSci} when embedded).
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder().build();
 * io.on("connection", socket -> socket.emit("hello", "world"));
 * SocketIoJakarta.attach(io, servletContext); // in a ServletContextListener, or at startup
 * }</pre>
 *
 * <p>The servlet is mapped at the engine path ({@code /socket.io/*}); when the options have an
 * {@link io.sio4j.engine.HttpHandler} (pages, static files), it is also the default servlet ({@code
 * /}) unless the application maps one. Call before the context starts serving.
 *
 * <p>Thread-safe.
 */
public final class SocketIoJakarta {
  private SocketIoJakarta() {}

  /** Serves {@code io} in this servlet context; returns it, started. */
  public static SocketIoServer attach(SocketIoServer io, ServletContext context) {
    EngineServer engine = engine(io.engineOptions(), context);
    return io.start(engine);
  }

  /**
   * A {@link ServletContainerInitializer} that attaches {@code io} when the context starts, for
   * embedded containers (Jetty's {@code ServletContextHandler.addServletContainerInitializer},
   * Tomcat's {@code Context.addServletContainerInitializer}).
   */
  public static ServletContainerInitializer initializer(SocketIoServer io) {
    return (classes, context) -> attach(io, context);
  }

  /**
   * A {@link ServletContainerInitializer} that mounts a raw Engine.IO server and gives it to {@code
   * ready} when the context starts.
   */
  public static ServletContainerInitializer initializer(
      EngineOptions options, Consumer<EngineServer> ready) {
    return (classes, context) -> ready.accept(engine(options, context));
  }

  /**
   * A raw Engine.IO server (no Socket.IO) served in this servlet context: the Jakarta counterpart
   * of {@link EngineServer#create(EngineOptions)}. Its {@code listen} fails (the container owns the
   * port); {@code shutdown} closes its sessions.
   */
  public static EngineServer engine(EngineOptions options, ServletContext context) {
    return JakartaEngineServer.mount(options, context);
  }
}
