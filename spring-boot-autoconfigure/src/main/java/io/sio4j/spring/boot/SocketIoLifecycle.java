package io.sio4j.spring.boot;

import io.sio4j.jakarta.SocketIoJakarta;
import io.sio4j.server.SocketIoServer;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Starts and stops the {@link SocketIoServer} with the application context. On its own port it
 * listens when the context starts; on the servlet web server's port it was attached when the
 * servlet context started ({@link #attach}) and serves once the container's connector opens.
 *
 * <p>Stopping is a graceful shutdown: every socket gets {@code "server shutting down"}, the
 * adapters close, then the sessions. Its phase is above the web server's graceful shutdown ({@code
 * SmartLifecycle.DEFAULT_PHASE - 1024}), so Socket.IO closes first while the container can still
 * write the goodbye packets, and then the container drains its HTTP requests. Thread-safe.
 */
public final class SocketIoLifecycle implements SmartLifecycle {
  /** Stops before Boot's web server graceful shutdown ({@code DEFAULT_PHASE - 1024}). */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

  private final SocketIoServer io;
  private final Integer port;
  private final Duration shutdownTimeout;
  private final ExecutorService listenerExecutor;
  private volatile boolean attached;
  private volatile boolean running;

  SocketIoLifecycle(
      SocketIoServer io, Integer port, Duration shutdownTimeout, ExecutorService listenerExecutor) {
    this.io = io;
    this.port = port;
    this.shutdownTimeout = shutdownTimeout;
    this.listenerExecutor = listenerExecutor;
  }

  /** Mounts the server on the servlet web server's port (when {@code sio4j.port} is unset). */
  void attach(ServletContext context) {
    if (port != null) return;
    SocketIoJakarta.attach(io, context);
    attached = true;
  }

  @Override
  public synchronized void start() {
    if (running) return;
    if (port != null) {
      io.start();
    } else if (!attached) {
      throw new IllegalStateException(
          "sio4j.port is not set and there is no servlet web server to share: set sio4j.port");
    }
    running = true;
    HandlerMethod.LOG.info(
        "Socket.IO serving on {}", port != null ? io.address() : "the web server's port");
  }

  @Override
  public void stop(Runnable callback) {
    if (!running) {
      callback.run();
      return;
    }
    io.closeAsync()
        .orTimeout(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                HandlerMethod.LOG.warn("Socket.IO did not close within {}", shutdownTimeout);
              }
              if (listenerExecutor != null) listenerExecutor.shutdown();
              running = false;
              callback.run();
            });
  }

  @Override
  public void stop() {
    stop(() -> {});
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
