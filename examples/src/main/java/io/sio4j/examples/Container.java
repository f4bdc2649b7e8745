package io.sio4j.examples;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.TlsOptions;
import io.sio4j.jakarta.SocketIoJakarta;
import io.sio4j.server.SocketIoServer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What carries an example's bytes ({@code --container netty|jetty|tomcat}): sio4j's own Netty
 * server (the default), or one embedded Jakarta container that serves the page, the browser bundle
 * and Socket.IO on one port, through sio4j-jakarta.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder().port(3000).build();
 * Container.of(args).serve(io); // io.start() on netty; io.close() stops the container too
 * }</pre>
 *
 * <p>Thread-safe.
 */
public enum Container {
  /** sio4j's own Netty server. */
  NETTY,
  /** Embedded Jetty 12 (ee10, Servlet 6.0, Jakarta WebSocket 2.1). */
  JETTY,
  /** Embedded Tomcat 11 (Servlet 6.1, Jakarta WebSocket 2.2). */
  TOMCAT;

  /** A started server: its address, and how to stop it. */
  public interface Running extends AutoCloseable {
    /** The bound address. */
    InetSocketAddress address();

    /** Stops the container (and the sio4j server in it). */
    @Override
    void close();
  }

  /** The value of {@code --container}, NETTY by default. */
  public static Container of(String[] args) {
    String v = Args.value(args, "--container", "netty");
    try {
      return valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--container wants netty, jetty or tomcat, not " + v, e);
    }
  }

  /** The name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Starts {@code io} on this container, on its options' host and port, and returns it: {@code
   * io.start()} on Netty; on Jetty and Tomcat, {@code SocketIoJakarta.attach} in an embedded
   * container that also serves the pages, and that {@code io.close()} stops.
   */
  public SocketIoServer serve(SocketIoServer io) {
    return serve(io, context -> {});
  }

  /**
   * Like {@link #serve(SocketIoServer)}, with the application's own servlet components (filters,
   * servlets, listeners) added to the container's context first, as a web application would; on
   * Netty, which has no servlet context, {@code app} is not called.
   *
   * <pre>{@code
   * Container.TOMCAT.serve(io, context -> context.addFilter("auth", new AuthFilter())
   *     .addMappingForUrlPatterns(null, false, "/*"));
   * }</pre>
   */
  public SocketIoServer serve(SocketIoServer io, Consumer<ServletContext> app) {
    if (this == NETTY) return io.start();
    TlsOptions tls = io.options().engine().tls();
    AtomicReference<Running> running = new AtomicReference<>();
    ServletContainerInitializer init =
        (classes, context) -> {
          app.accept(context);
          io.start(
              new HostedEngine(SocketIoJakarta.engine(io.engineOptions(), context), running::get));
        };
    running.set(host(io.options().host(), io.options().port(), tls, init));
    return io;
  }

  /**
   * Starts a raw Engine.IO server on this container and returns it; {@code setup} gets it before
   * any client can connect. On Jetty and Tomcat, its {@link EngineServer#hostAddress()} is where
   * the container listens and closing it stops the container.
   */
  public EngineServer serveEngine(
      EngineOptions options, Consumer<EngineServer> setup, String host, int port) {
    if (this == NETTY) {
      EngineServer engine = EngineServer.create(options);
      setup.accept(engine);
      InetSocketAddress bound = engine.listen(host, port).join();
      return new HostedEngine(engine, () -> running(bound, () -> {}));
    }
    AtomicReference<Running> running = new AtomicReference<>();
    AtomicReference<EngineServer> mounted = new AtomicReference<>();
    ServletContainerInitializer init =
        (classes, context) -> {
          EngineServer engine =
              new HostedEngine(SocketIoJakarta.engine(options, context), running::get);
          setup.accept(engine);
          mounted.set(engine);
        };
    running.set(host(host, port, options.tls(), init));
    return mounted.get();
  }

  private Running host(String host, int port, TlsOptions tls, ServletContainerInitializer init) {
    return this == JETTY ? jetty(host, port, tls, init) : tomcat(host, port, tls, init);
  }

  private static Running jetty(
      String host, int port, TlsOptions tls, ServletContainerInitializer init) {
    Server server = new Server();
    ServerConnector connector =
        tls == null ? new ServerConnector(server) : ContainerTls.jettyConnector(server, tls);
    connector.setHost(host);
    connector.setPort(port);
    // the engine's heartbeat ends idle sessions; polls and sockets may stay quiet a heartbeat long
    connector.setIdleTimeout(120_000);
    server.addConnector(connector);
    // with sessions, as a web application has them (Tomcat's contexts always do)
    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
    context.setContextPath("/");
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    context.addServletContainerInitializer(init);
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("jetty did not start on " + host + ":" + port, e);
    }
    InetSocketAddress bound = new InetSocketAddress(host, connector.getLocalPort());
    return running(
        bound,
        () -> {
          try {
            server.stop();
          } catch (Exception e) {
            throw new IllegalStateException("jetty did not stop", e);
          }
        });
  }

  private static Running tomcat(
      String host, int port, TlsOptions tls, ServletContainerInitializer init) {
    Path base;
    try {
      base = Files.createTempDirectory("sio4j-tomcat");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", host);
    connector.setProperty("connectionTimeout", "120000");
    connector.setProperty("keepAliveTimeout", "120000");
    if (tls != null) ContainerTls.tomcatConnector(connector, tls);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.toString());
    context.addServletContainerInitializer(new WsSci(), null);
    context.addServletContainerInitializer(init, null);
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      throw new IllegalStateException("tomcat did not start on " + host + ":" + port, e);
    }
    InetSocketAddress bound = new InetSocketAddress(host, connector.getLocalPort());
    return running(
        bound,
        () -> {
          try {
            tomcat.stop();
            tomcat.destroy();
          } catch (LifecycleException e) {
            throw new IllegalStateException("tomcat did not stop", e);
          }
        });
  }

  private static Running running(InetSocketAddress address, Runnable stop) {
    return new Running() {
      @Override
      public InetSocketAddress address() {
        return address;
      }

      @Override
      public void close() {
        stop.run();
      }
    };
  }
}
