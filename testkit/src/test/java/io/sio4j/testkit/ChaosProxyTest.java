package io.sio4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ChaosProxy} against plain blocking sockets: each fault does what it says. */
class ChaosProxyTest {
  private ServerSocket target;
  private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
  private final List<Socket> sockets = new ArrayList<>();
  private Thread acceptor;

  @BeforeEach
  void startTarget() throws IOException {
    target = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              try {
                while (true) accepted.add(target.accept());
              } catch (IOException ended) {
                // closed by the test
              }
            },
            "chaos-test-acceptor");
    acceptor.start();
  }

  @AfterEach
  void stopTarget() throws Exception {
    target.close();
    acceptor.join(5_000);
    for (Socket s : sockets) s.close();
    for (Socket s : accepted) s.close();
  }

  private Socket connect(ChaosProxy proxy) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    s.setSoTimeout(10_000);
    sockets.add(s);
    return s;
  }

  private Socket serverSide() throws InterruptedException {
    Socket s = accepted.poll(10, TimeUnit.SECONDS);
    assertThat(s).as("the proxy connected to the target").isNotNull();
    sockets.add(s);
    return s;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private static byte[] readExactly(InputStream in, int n) throws IOException {
    byte[] b = in.readNBytes(n);
    assertThat(b).hasSize(n);
    return b;
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void relaysBothWaysExactly() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      Socket c = connect(proxy);
      Socket s = serverSide();
      byte[] up = randomBytes(1 << 20, 1);
      byte[] down = randomBytes(300_000, 2);
      CompletableFuture<Void> w1 = CompletableFuture.runAsync(() -> write(c, up));
      CompletableFuture<Void> w2 = CompletableFuture.runAsync(() -> write(s, down));
      assertThat(readExactly(s.getInputStream(), up.length)).isEqualTo(up);
      assertThat(readExactly(c.getInputStream(), down.length)).isEqualTo(down);
      w1.get(10, TimeUnit.SECONDS);
      w2.get(10, TimeUnit.SECONDS);
      assertThat(proxy.upstream().bytesRelayed()).isEqualTo(up.length);
      assertThat(proxy.downstream().bytesRelayed()).isEqualTo(down.length);
      assertThat(proxy.openConnections()).isEqualTo(1);
      c.close();
      assertThat(s.getInputStream().read())
          .as("the client's close reaches the target")
          .isEqualTo(-1);
      assertThat(proxy.openConnections()).as("half-open until the target closes").isEqualTo(1);
      s.close();
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
    }
  }

  private static void write(Socket s, byte[] b) {
    try {
      OutputStream out = s.getOutputStream();
      out.write(b);
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void latencyDelaysEachDirection() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      proxy.upstream().latency(Duration.ofMillis(150));
      proxy.downstream().latency(Duration.ofMillis(100));
      Socket c = connect(proxy);
      Socket s = serverSide();
      long t0 = System.nanoTime();
      write(c, new byte[] {1, 2, 3});
      assertThat(readExactly(s.getInputStream(), 3)).containsExactly(1, 2, 3);
      long up = System.nanoTime() - t0;
      write(s, new byte[] {4});
      assertThat(readExactly(c.getInputStream(), 1)).containsExactly(4);
      long round = System.nanoTime() - t0;
      // lower bounds only: a busy machine may add more
      assertThat(up).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
      assertThat(round).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
    }
  }

  @Test
  void bandwidthPacesTheBytesAndKeepsThemInOrder() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      proxy.downstream().bandwidth(100_000);
      Socket c = connect(proxy);
      Socket s = serverSide();
      byte[] down = randomBytes(40_000, 3);
      long t0 = System.nanoTime();
      write(s, down);
      assertThat(readExactly(c.getInputStream(), down.length)).isEqualTo(down);
      // 40 KB at 100 KB/s: at least 0.4 s minus the first slice (1/20 s)
      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(340));
    }
  }

  @Test
  void bandwidthAndStallRefuseBadArguments() {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      assertThatThrownBy(() -> proxy.upstream().bandwidth(-1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> proxy.upstream().latency(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> proxy.upstream().cutAtRandom(new Random(1), 10, 5))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> proxy.upstream().cutAfter(-1))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> ChaosProxy.start(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cutAfterDeliversExactlyThatManyBytesThenCloses() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      Socket c = connect(proxy);
      Socket s = serverSide();
      write(s, new byte[] {9, 9});
      assertThat(readExactly(c.getInputStream(), 2)).containsExactly(9, 9);
      CompletableFuture<Void> cut = proxy.downstream().cutAfter(1000);
      byte[] down = randomBytes(5000, 4);
      write(s, down);
      byte[] got = readAll(c.getInputStream());
      assertThat(got).isEqualTo(Arrays.copyOf(down, 1000));
      cut.get(5, TimeUnit.SECONDS);
      assertThat(proxy.downstream().cuts()).isEqualTo(1);
      // the sender's side is closed too (reset)
      assertThat(readOrReset(s)).isEqualTo(-1);
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
    }
  }

  @Test
  void randomCutsWithTheSameSeedFallAtTheSamePlace() throws Exception {
    List<Integer> points = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
        CompletableFuture<Void> cut = proxy.upstream().cutAtRandom(new Random(42), 100, 60_000);
        Socket c = connect(proxy);
        Socket s = serverSide();
        CompletableFuture.runAsync(
            () -> {
              try {
                write(c, randomBytes(100_000, 5));
              } catch (IllegalStateException cutWhileWriting) {
                // expected once the cut is made
              }
            });
        int got = readAll(s.getInputStream()).length;
        cut.get(5, TimeUnit.SECONDS);
        assertThat(got).isBetween(100, 60_000);
        points.add(got);
      }
    }
    assertThat(points.get(0)).isEqualTo(points.get(1));
  }

  @Test
  void noCutCancelsAnArmedCut() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      CompletableFuture<Void> cut = proxy.upstream().cutAfter(10);
      proxy.upstream().noCut();
      assertThat(cut).isCancelled();
      Socket c = connect(proxy);
      Socket s = serverSide();
      byte[] up = randomBytes(1000, 6);
      write(c, up);
      assertThat(readExactly(s.getInputStream(), 1000)).isEqualTo(up);
      assertThat(proxy.upstream().cuts()).isZero();
    }
  }

  @Test
  void halfCloseEndsOneDirectionAndTheOtherGoesOn() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      Socket c = connect(proxy);
      Socket s = serverSide();
      write(c, new byte[] {1});
      assertThat(readExactly(s.getInputStream(), 1)).containsExactly(1);
      proxy.upstream().halfClose();
      assertThat(s.getInputStream().read()).as("the target sees end-of-stream").isEqualTo(-1);
      byte[] down = randomBytes(10_000, 7);
      write(s, down);
      assertThat(readExactly(c.getInputStream(), down.length)).isEqualTo(down);
      // the target ends its side too: the client sees end-of-stream, the link goes away
      s.shutdownOutput();
      assertThat(c.getInputStream().read()).isEqualTo(-1);
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
    }
  }

  @Test
  void aPeersHalfCloseIsPassedOn() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      Socket c = connect(proxy);
      Socket s = serverSide();
      write(c, new byte[] {5, 6});
      c.shutdownOutput();
      assertThat(readAll(s.getInputStream())).containsExactly(5, 6);
      write(s, new byte[] {7});
      assertThat(readExactly(c.getInputStream(), 1)).containsExactly(7);
    }
  }

  @Test
  void stallBuildsBackpressureInTheSenderAndResumeDeliversEverything() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      Socket c = connect(proxy);
      Socket s = serverSide();
      proxy.downstream().stall();
      byte[] down = randomBytes(8 << 20, 8);
      AtomicLong written = new AtomicLong();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  OutputStream out = s.getOutputStream();
                  for (int i = 0; i < down.length; i += 4096) {
                    out.write(down, i, 4096);
                    written.addAndGet(4096);
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      // the writer blocks: the socket buffers fill up and nothing more is taken from it
      long[] last = {-1};
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                long now = written.get();
                boolean still = now == last[0];
                last[0] = now;
                return still && now > 0;
              });
      assertThat(writer).isNotDone();
      assertThat(written.get()).isLessThan(down.length);
      assertThat(proxy.downstream().bytesRelayed())
          .as("the proxy holds at most its queue bound")
          .isLessThanOrEqualTo(ChaosProxy.MAX_QUEUED_BYTES);
      proxy.downstream().resume();
      assertThat(readExactly(c.getInputStream(), down.length)).isEqualTo(down);
      writer.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void cutAllClosesEveryConnection() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      Socket c1 = connect(proxy);
      Socket c2 = connect(proxy);
      serverSide();
      serverSide();
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 2);
      proxy.cutAll();
      assertThat(readOrReset(c1)).isEqualTo(-1);
      assertThat(readOrReset(c2)).isEqualTo(-1);
      await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
      // new connections still work
      Socket c3 = connect(proxy);
      Socket s3 = serverSide();
      write(c3, new byte[] {1});
      assertThat(readExactly(s3.getInputStream(), 1)).containsExactly(1);
    }
  }

  private static int readOrReset(Socket s) {
    try {
      return s.getInputStream().read();
    } catch (IOException reset) {
      return -1;
    }
  }

  @Test
  void refusedConnectionsAreResetUntilAcceptedAgain() throws Exception {
    try (ChaosProxy proxy = ChaosProxy.start(target.getLocalPort())) {
      Socket open = connect(proxy);
      Socket openServer = serverSide();
      proxy.refuseNewConnections();
      Socket refused = connect(proxy);
      assertThat(readOrReset(refused)).isEqualTo(-1);
      assertThat(proxy.refusedConnections()).isEqualTo(1);
      assertThat(accepted).isEmpty();
      // open connections stay
      write(open, new byte[] {3});
      assertThat(readExactly(openServer.getInputStream(), 1)).containsExactly(3);
      proxy.acceptNewConnections();
      Socket again = connect(proxy);
      Socket againServer = serverSide();
      write(again, new byte[] {4});
      assertThat(readExactly(againServer.getInputStream(), 1)).containsExactly(4);
      proxy.refuseNewConnections(Duration.ofMinutes(1));
      assertThat(readOrReset(connect(proxy))).isEqualTo(-1);
      proxy.refuseNewConnections(Duration.ZERO);
      connect(proxy);
      serverSide();
      assertThat(proxy.acceptedConnections()).isEqualTo(3);
    }
  }

  @Test
  void closeClosesEverythingAndReleasesWhatIsQueued() throws Exception {
    ChaosProxy proxy = ChaosProxy.start(target.getLocalPort());
    proxy.downstream().latency(Duration.ofMinutes(1));
    Socket c = connect(proxy);
    Socket s = serverSide();
    write(s, randomBytes(100_000, 9)); // held by the proxy for a minute
    await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 1);
    proxy.close();
    assertThat(readOrReset(c)).isEqualTo(-1);
    assertThat(proxy.openConnections()).isZero();
    // a second close is harmless; the leak detector (paranoid) checks the held buffers
    proxy.close();
  }
}
