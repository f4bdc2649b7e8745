package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners on the event loop by default, or on an executor (in order per socket) when set. */
class ListenerExecutorTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "app"));
  private FakeConnection c;

  @AfterEach
  void tearDown() {
    if (c != null) c.shutdown();
    pool.shutdownNow();
  }

  private Socket connect(SocketIoServer io) throws Exception {
    CompletableFuture<Socket> s = new CompletableFuture<>();
    io.on("connection", s::complete);
    c = FakeConnection.connect(io);
    c.text("0");
    assertThat(c.next()).startsWith("0{");
    return s.get(5, TimeUnit.SECONDS);
  }

  @Test
  void listenersRunOnTheEventLoopByDefault() throws Exception {
    Socket s = connect(SocketIoServer.builder().build());
    CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
    CompletableFuture<Thread> loop = new CompletableFuture<>();
    c.eventLoop().execute(() -> loop.complete(Thread.currentThread()));
    s.on("x", () -> onLoop.complete(Thread.currentThread() == loop.join()));
    c.text("2[\"x\"]");
    assertThat(onLoop.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void blockingListenersRunOnTheExecutorOneAtATimeInOrder() throws Exception {
    Socket s = connect(SocketIoServer.builder().listenerExecutor(pool).build());
    List<Integer> order = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch all = new CountDownLatch(5);
    s.on(
        "n",
        (Integer n) -> {
          threads.add(Thread.currentThread().getName());
          if (n == 0) awaitQuietly(release); // blocks: the event loop must not care
          order.add(n);
          all.countDown();
        });
    for (int i = 0; i < 5; i++) c.text("2[\"n\"," + i + "]");
    s.emit("loop-free"); // the event loop is not blocked by the listener
    assertThat(c.next()).isEqualTo("2[\"loop-free\"]");
    release.countDown();
    assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
    assertThat(threads).allMatch(t -> t.equals("app"));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void disconnectingListenersOnTheExecutorStillSeeTheRooms() throws Exception {
    Socket s = connect(SocketIoServer.builder().listenerExecutor(pool).build());
    s.join("red");
    CompletableFuture<java.util.Set<String>> seen = new CompletableFuture<>();
    s.on("disconnecting", (String reason) -> seen.complete(s.rooms()));
    c.drop("transport close");
    assertThat(seen.get(5, TimeUnit.SECONDS)).contains("red", s.id());
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> s.rooms().isEmpty());
  }

  @Test
  void aSocketStillInItsMiddlewaresWhenTheServerClosesNeverConnects() throws Exception {
    SocketIoServer io = SocketIoServer.builder().build();
    CompletableFuture<Middleware.Next> held = new CompletableFuture<>();
    io.use((socket, next) -> held.complete(next));
    java.util.concurrent.atomic.AtomicBoolean connected =
        new java.util.concurrent.atomic.AtomicBoolean();
    io.on("connection", s -> connected.set(true));
    c = FakeConnection.connect(io);
    c.text("0");
    Middleware.Next next = held.get(5, TimeUnit.SECONDS);
    io.closeAsync().get(5, TimeUnit.SECONDS);
    next.proceed();
    // what the loop does after proceed() has run once a later task runs on it
    CompletableFuture<Void> drained = new CompletableFuture<>();
    c.eventLoop().execute(() -> c.eventLoop().execute(() -> drained.complete(null)));
    drained.get(5, TimeUnit.SECONDS);
    assertThat(c.poll(Duration.ZERO)).isNull();
    assertThat(connected).isFalse();
    assertThat(io.sockets().sockets()).isEmpty();
  }

  @Test
  void closeGivesServerShuttingDown() throws Exception {
    SocketIoServer io = SocketIoServer.builder().build();
    Socket s = connect(io);
    CompletableFuture<String> reason = new CompletableFuture<>();
    s.on("disconnect", (String r) -> reason.complete(r));
    io.closeAsync().get(5, TimeUnit.SECONDS);
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("server shutting down");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> io.sockets().sockets().isEmpty());
  }
}
