package io.sio4j.bench;

import io.sio4j.jakarta.SocketIoJakarta;
import io.sio4j.server.SocketIoServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The load-test server on embedded Jetty 12 (ee10) through sio4j-jakarta, to compare the Jakarta
 * host with the Netty one under the same load.
 *
 * <pre>{@code
 * Server jetty = JettyHost.start(io, "127.0.0.1", 39200);
 * }</pre>
 *
 * <p>Not thread-safe: start and stop once.
 */
final class JettyHost {
  private JettyHost() {}

  static Server start(SocketIoServer io, String host, int port) {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    connector.setIdleTimeout(120_000);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    context.addServletContainerInitializer(SocketIoJakarta.initializer(io));
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("jetty did not start on " + host + ":" + port, e);
    }
    return server;
  }

  static void stop(SocketIoServer io, Server server) {
    io.close();
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("jetty did not stop", e);
    }
  }
}
