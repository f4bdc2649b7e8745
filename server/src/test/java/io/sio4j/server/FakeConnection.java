package io.sio4j.server;

import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.time.Cancellable;
import io.sio4j.protocol.time.Scheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory Engine.IO session for unit tests of the Socket.IO layer: what the server sends is
 * queued as strings (binary frames as {@code "<bin:N bytes>"}) and raw messages.
 */
final class FakeConnection implements EngineSocket, AutoCloseable {
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<OutboundMessage> sent = new LinkedBlockingQueue<>();
  private final String id = Ids.newId();
  private volatile Listener listener;
  private volatile boolean open = true;
  final CompletableFuture<String> closedWith = new CompletableFuture<>();

  /** What the Socket.IO layer counts as held for this peer (EngineSocket.holdPeerBytes). */
  final java.util.concurrent.atomic.AtomicLong peerBytes =
      new java.util.concurrent.atomic.AtomicLong();

  @Override
  public void holdPeerBytes(long delta) {
    peerBytes.addAndGet(delta);
  }

  private final Scheduler clock; // the server's injected scheduler, or null for the loop's timers

  private FakeConnection(Scheduler clock) {
    this.clock = clock;
  }

  /** Like the engine's sessions: timed by the injected scheduler, run on the loop. */
  private final io.sio4j.protocol.event.ListenerRegistry events =
      new io.sio4j.protocol.event.ListenerRegistry(
          new io.sio4j.protocol.event.ListenerInvoker(io.sio4j.protocol.event.JsonBinding.create()),
          Runnable::run,
          org.slf4j.LoggerFactory.getLogger(FakeConnection.class),
          () -> "fake connection");

  @Override
  public io.sio4j.protocol.event.ListenerRegistry listenerRegistry() {
    return events;
  }

  @Override
  public String readyState() {
    return open ? "open" : "closed";
  }

  @Override
  public Scheduler scheduler() {
    return new Scheduler() {
      @Override
      public Cancellable schedule(Runnable task, Duration delay) {
        if (clock == null) {
          ScheduledFuture<?> f = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
          return () -> f.cancel(false);
        }
        return clock.schedule(() -> loop.execute(task), delay);
      }

      @Override
      public long nanoTime() {
        return clock == null ? System.nanoTime() : clock.nanoTime();
      }
    };
  }

  static FakeConnection connect(SocketIoServer io) {
    FakeConnection c = new FakeConnection(io.options().engine().scheduler());
    c.runOnLoop(() -> io.accept(c));
    return c;
  }

  void runOnLoop(Runnable r) {
    try {
      loop.submit(r).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The client sends a text message; returns once it and what it queued on the loop (listeners run
   * after the read, like the official server's nextTick) have run.
   */
  void text(String text) {
    runOnLoop(() -> listener.onText(text));
    runOnLoop(() -> {});
  }

  /** The client sends several text messages that arrive in one read (one event-loop task). */
  void textsInOneRead(String... texts) {
    runOnLoop(
        () -> {
          for (String t : texts) listener.onText(t);
        });
    runOnLoop(() -> {});
  }

  /** The client sends a binary message. */
  void binary(byte[] data) {
    runOnLoop(() -> listener.onBinary(data));
    runOnLoop(() -> {});
  }

  /** The client's transport goes away. */
  void drop(String reason) {
    runOnLoop(
        () -> {
          if (!open) return;
          open = false;
          listener.onClose(reason, null);
        });
  }

  /** The next message the server sent, or fails after the timeout. */
  OutboundMessage nextMessage() {
    try {
      OutboundMessage m = sent.poll(5, TimeUnit.SECONDS);
      if (m == null) throw new AssertionError("nothing sent within 5 s");
      return m;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The next text message. */
  String next() {
    OutboundMessage m = nextMessage();
    if (m.isBinary())
      throw new AssertionError("expected text, got " + m.binary().length + " bytes");
    return m.text();
  }

  /** Whether nothing more is sent within a short while. */
  OutboundMessage poll(Duration d) throws InterruptedException {
    return sent.poll(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String transport() {
    return "websocket";
  }

  // one request per session, as the engine's: socket.handshake() is built from it on each call
  private final HandshakeRequest request =
      new HandshakeRequest(
          "GET",
          "/socket.io/?EIO=4&transport=websocket",
          Map.of("host", List.of("localhost")),
          Map.of("EIO", "4", "transport", "websocket"),
          new InetSocketAddress("127.0.0.1", 40000),
          false,
          Instant.now());

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
    if (open) sent.add(message);
  }

  @Override
  public void sendAll(OutboundMessage... messages) {
    if (open) sent.addAll(List.of(messages));
  }

  @Override
  public int bufferedCount() {
    return 0;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    loop.execute(
        () -> {
          if (!open) return;
          open = false;
          closedWith.complete("forced close");
          listener.onClose("forced close", null);
        });
  }

  void shutdown() {
    loop.shutdownNow();
  }

  @Override
  public ScheduledExecutorService eventLoop() {
    return loop;
  }
}
