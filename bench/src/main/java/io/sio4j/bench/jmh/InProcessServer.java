package io.sio4j.bench.jmh;

import io.netty.util.concurrent.ImmediateEventExecutor;
import io.sio4j.engine.EngineConnectionError;
import io.sio4j.engine.EngineMiddleware;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineServer;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.HeadersListener;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.event.ListenerInvoker;
import io.sio4j.protocol.event.ListenerRegistry;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A Socket.IO server without network for the micro-benchmarks: an {@link EngineServer} whose
 * connections are in-memory {@link EngineSocket}s that run every task at once on the calling thread
 * (Netty's immediate executor, which runs a task queued by a running task right after it, like the
 * server's "after this read") and count what the server sends them.
 */
final class InProcessServer implements EngineServer {
  private final EngineOptions options;
  private Consumer<EngineSocket> onConnection = s -> {};

  InProcessServer(EngineOptions options) {
    this.options = options;
  }

  /** A new connection, accepted by the server; the caller sends it {@code 40} to join "/". */
  Connection connect() {
    Connection c = new Connection();
    onConnection.accept(c);
    return c;
  }

  @Override
  public EngineServer onConnection(Consumer<EngineSocket> listener) {
    this.onConnection = listener;
    return this;
  }

  @Override
  public EngineServer onConnectionError(Consumer<EngineConnectionError> listener) {
    return this;
  }

  @Override
  public EngineServer use(EngineMiddleware middleware) {
    return this;
  }

  @Override
  public EngineServer on(String event, HeadersListener listener) {
    return this;
  }

  @Override
  public CompletableFuture<InetSocketAddress> listen(String host, int port) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException("in-process"));
  }

  @Override
  public void reloadTls() {}

  @Override
  public int clientsCount() {
    return 0;
  }

  @Override
  public EngineOptions options() {
    return options;
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return CompletableFuture.completedFuture(null);
  }

  /** One in-memory connection: counts the frames the server writes to it. */
  static final class Connection implements EngineSocket {
    private static final Scheduler NO_TIMERS =
        new Scheduler() {
          @Override
          public Cancellable schedule(Runnable task, Duration delay) {
            return Cancellable.NONE;
          }

          @Override
          public long nanoTime() {
            return System.nanoTime();
          }
        };

    private final String id = Long.toHexString(System.nanoTime());
    private final HandshakeRequest request =
        new HandshakeRequest(
            "GET",
            "/socket.io/?EIO=4&transport=websocket",
            Map.of(),
            Map.of("EIO", "4", "transport", "websocket"),
            new InetSocketAddress("127.0.0.1", 40000),
            false,
            Instant.now());
    private final ListenerRegistry events =
        new ListenerRegistry(
            new ListenerInvoker(JsonBinding.create()),
            Runnable::run,
            org.slf4j.LoggerFactory.getLogger(Connection.class),
            () -> "in-process connection");
    private Listener listener;
    long sent;
    OutboundMessage last;

    /** The client sends one text message (the Engine.IO message body, e.g. {@code 2["echo",1]}). */
    void text(String text) {
      listener.onText(text);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String transport() {
      return EngineOptions.WEBSOCKET;
    }

    @Override
    public String readyState() {
      return "open";
    }

    @Override
    public HandshakeRequest request() {
      return request;
    }

    @Override
    public void setListener(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void send(OutboundMessage message) {
      sent++;
      last = message;
    }

    @Override
    public void sendAll(OutboundMessage... messages) {
      sent += messages.length;
      last = messages[messages.length - 1];
    }

    @Override
    public int bufferedCount() {
      return 0;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}

    @Override
    public ScheduledExecutorService eventLoop() {
      return ImmediateEventExecutor.INSTANCE;
    }

    @Override
    public Scheduler scheduler() {
      return NO_TIMERS;
    }

    @Override
    public ListenerRegistry listenerRegistry() {
      return events;
    }
  }
}
