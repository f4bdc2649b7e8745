package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8: the client's thread model under load. 16 threads call connect, emit, emitWithAck,
 * disconnect and close at random (50 %, 40 %, 9.6 %, 0.3 %, 0.1 %) on four clients (each with its
 * own Manager) against our server on 127.0.0.1, for {@code -Dsio4j.stress.seconds} (default 60).
 * Then:
 *
 * <ul>
 *   <li>no emit made while connected is lost: every thread's emits are numbered, and when one of
 *       its acknowledged emits completes in the same connection epoch (counted by {@code connect}
 *       events) as an earlier plain emit made while connected, the server must have that emit (one
 *       thread's calls reach the Manager's thread in order, and one connection delivers in order);
 *   <li>every acknowledgement future completes or fails once the clients are closed;
 *   <li>no Manager thread is left alive after close.
 * </ul>
 */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientThreadStressTest {
  @Parameter TransportKind kind;

  private static final int THREADS = 16;
  private static final int CLIENTS = 4;
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);

  /** One call made by a stress thread. */
  private record Op(
      int client,
      boolean ack,
      long seq,
      int epochAtCall,
      boolean connectedAtCall,
      CompletableFuture<Integer> ackEpoch) {}

  private final Set<Long> received = ConcurrentHashMap.newKeySet();
  private final Set<String> managerThreads = ConcurrentHashMap.newKeySet();
  private final List<Socket> sockets = new ArrayList<>();
  private SocketIoServer server;

  @AfterEach
  void tearDown() {
    sockets.forEach(s -> s.io().close());
    if (server != null) server.close();
  }

  @Test
  void randomCallsFromSixteenThreadsLoseNothingAndLeaveNoThread() throws Exception {
    server = SocketIoServer.builder().host("127.0.0.1").port(0).build();
    server.on(
        "connection",
        s -> {
          s.onRaw("seq", (args, ack) -> received.add(args.get(0).asLong()));
          s.onRaw(
              "probe",
              (args, ack) -> {
                received.add(args.get(0).asLong());
                ack.send(args.get(0).asLong());
              });
        });
    server.start();
    String url = "http://127.0.0.1:" + server.address().getPort();
    AtomicInteger[] epochs = new AtomicInteger[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
      AtomicInteger epoch = new AtomicInteger();
      epochs[i] = epoch;
      Socket s =
          IO.socket(
              url,
              kind.options()
                  .forceNew(true)
                  .reconnectionDelay(Duration.ofMillis(50))
                  .reconnectionDelayMax(Duration.ofMillis(200))
                  .build());
      s.on(
          "connect",
          () -> {
            epoch.incrementAndGet();
            managerThreads.add(Thread.currentThread().getName());
          });
      sockets.add(s);
    }

    // the thread model is the client's own: the default transport gets the full run (issue 8 asks
    // for 60 s), OkHttp a third of it, so that the suite's time grows little with a second kind
    long full = Long.getLong("sio4j.stress.seconds", 60);
    long seconds = kind == TransportKind.JDK ? full : Math.max(1, full / 3);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong seqs = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<List<Op>>> logs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      logs.add(pool.submit(() -> stress(end, seqs, epochs)));
    }
    pool.shutdown();
    List<List<Op>> perThread = new ArrayList<>();
    for (Future<List<Op>> f : logs) perThread.add(f.get(seconds + 60, TimeUnit.SECONDS));

    sockets.forEach(s -> s.io().close());
    List<Op> all = perThread.stream().flatMap(List::stream).toList();
    List<CompletableFuture<Integer>> acks = all.stream().filter(Op::ack).map(Op::ackEpoch).toList();
    // after close, every ack either came back or fails (timeout or disconnection), none pends
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> acks.stream().allMatch(CompletableFuture::isDone));

    int checked = 0;
    List<Long> lost = new ArrayList<>();
    for (List<Op> log : perThread) {
      for (int i = 0; i < log.size(); i++) {
        Op a = log.get(i);
        if (!a.ack() || a.ackEpoch().isCompletedExceptionally()) continue;
        int epoch = a.ackEpoch().join();
        for (int j = i - 1; j >= 0; j--) {
          Op e = log.get(j);
          if (e.client() != a.client() || e.ack()) continue;
          if (e.epochAtCall() != epoch || !e.connectedAtCall()) continue;
          checked++;
          if (!received.contains(e.seq())) lost.add(e.seq());
        }
      }
    }
    assertThat(lost).as("emits made while connected and confirmed by a later ack").isEmpty();
    assertThat(checked).as("confirmed emits").isPositive();
    assertThat(managerThreads).isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(th -> th.isAlive() && managerThreads.contains(th.getName())));
  }

  private List<Op> stress(long end, AtomicLong seqs, AtomicInteger[] epochs) {
    List<Op> log = new ArrayList<>();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (System.nanoTime() < end) {
      int c = random.nextInt(CLIENTS);
      Socket s = sockets.get(c);
      int dice = random.nextInt(1000);
      if (dice < 500) {
        long seq = seqs.incrementAndGet();
        int epoch = epochs[c].get();
        boolean connected = s.connected();
        s.emit("seq", seq);
        log.add(new Op(c, false, seq, epoch, connected, null));
      } else if (dice < 900) {
        long seq = seqs.incrementAndGet();
        int epoch = epochs[c].get();
        boolean connected = s.connected();
        CompletableFuture<Integer> ackEpoch = new CompletableFuture<>();
        s.timeout(ACK_TIMEOUT)
            .emitWithAck("probe", seq)
            .whenComplete(
                (r, err) -> {
                  // read on the thread that completes the ack (the Manager's): the epoch of the
                  // connection that carried the answer
                  if (err != null) ackEpoch.completeExceptionally(err);
                  else ackEpoch.complete(epochs[c].get());
                });
        log.add(new Op(c, true, seq, epoch, connected, ackEpoch));
      } else if (dice < 996) {
        s.connect();
      } else if (dice < 999) {
        s.disconnect();
      } else {
        s.io().close();
      }
      // pacing (up to 4 ms between calls), so that connections live long enough to carry emits
      LockSupport.parkNanos(random.nextLong(4_000_000));
    }
    return log;
  }
}
