package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sio4j.testkit.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binary packets whose attachments are announced but never sent: bounded in bytes per connection
 * and per server and in time (issue 14), on a {@link VirtualClock}.
 */
class PartialPacketLimitsTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String TWO =
      "52-[\"up\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]";
  private static final String THREE =
      "53-[\"up\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1},"
          + "{\"_placeholder\":true,\"num\":2}]";
  private final VirtualClock clock = new VirtualClock();
  private final List<FakeConnection> conns = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Object> uploads = new LinkedBlockingQueue<>();
  private SocketIoServer io;

  @AfterEach
  void tearDown() {
    conns.forEach(FakeConnection::shutdown);
  }

  private void server(UnaryOperator<ServerBuilder> config) {
    io = config.apply(SocketIoServer.builder().scheduler(clock).serveClient(false)).build();
    io.on("connection", s -> s.on("up", (Object a, Object b) -> uploads.add(List.of(a, b))));
  }

  private FakeConnection joined() {
    FakeConnection c = FakeConnection.connect(io);
    conns.add(c);
    c.text("0");
    assertThat(c.next()).startsWith("0{");
    return c;
  }

  @Test
  void defaults() {
    ServerOptions o = SocketIoServer.builder().serveClient(false).options();
    assertThat(o.partialPacketTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.maxPartialPacketBytes()).isEqualTo(10_000_000L);
    assertThat(o.maxPartialPacketBytesTotal()).isEqualTo(Runtime.getRuntime().maxMemory() / 8);
  }

  @Test
  void aPacketWaitingForItsAttachmentsIsClosedAtItsDeadline() {
    server(b -> b.partialPacketTimeout(Duration.ofSeconds(10)));
    FakeConnection c = joined();
    c.text(TWO);
    c.binary(new byte[100]);
    assertThat(c.peerBytes.get()).isEqualTo(TWO.length() + 100);
    assertThat(io.partialPacketBytes().get()).isEqualTo(TWO.length() + 100);
    clock.advance(Duration.ofSeconds(10).minusMillis(1));
    c.runOnLoop(() -> {});
    assertThat(c.closedWith).isNotDone();
    clock.advance(Duration.ofMillis(1));
    await().atMost(WAIT).until(c.closedWith::isDone);
    assertThat(c.peerBytes.get()).isZero();
    assertThat(io.partialPacketBytes().get()).isZero();
    assertThat(uploads).isEmpty();
  }

  @Test
  void aCompletedPacketCancelsItsDeadlineAndReleasesItsBytes() throws Exception {
    server(b -> b.partialPacketTimeout(Duration.ofSeconds(10)));
    FakeConnection c = joined();
    c.text(TWO);
    c.binary(new byte[] {1});
    c.binary(new byte[] {2});
    assertThat(uploads.poll(5, TimeUnit.SECONDS)).isNotNull();
    assertThat(c.peerBytes.get()).isZero();
    assertThat(io.partialPacketBytes().get()).isZero();
    clock.advance(Duration.ofSeconds(30));
    c.runOnLoop(() -> {});
    assertThat(c.closedWith).isNotDone();
  }

  @Test
  void aConnectionsPartialPacketMayHoldExactlyMaxPartialPacketBytes() throws Exception {
    server(b -> b.maxPartialPacketBytes(1_000));
    FakeConnection c = joined();
    c.text(THREE);
    c.binary(new byte[1_000 - THREE.length()]); // exactly at the bound
    assertThat(c.closedWith).isNotDone();
    c.binary(new byte[1]); // one byte past it
    await().atMost(WAIT).until(c.closedWith::isDone);
    assertThat(c.peerBytes.get()).isZero();
    assertThat(io.partialPacketBytes().get()).isZero();
    // another connection is not affected
    FakeConnection other = joined();
    other.text(TWO);
    other.binary(new byte[1]);
    other.binary(new byte[1]);
    assertThat(uploads.poll(5, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void partialPacketsOfAllConnectionsTogetherStopAtTheServerTotal() {
    server(b -> b.maxPartialPacketBytesTotal(2_000));
    FakeConnection a = joined();
    FakeConnection b = joined();
    a.text(TWO);
    a.binary(new byte[1_000 - TWO.length()]);
    b.text(TWO);
    b.binary(new byte[1_000 - TWO.length()]); // 2,000 in all: at the bound
    assertThat(a.closedWith).isNotDone();
    assertThat(b.closedWith).isNotDone();
    FakeConnection c = joined();
    c.text(TWO); // past it: the connection that added the bytes goes
    await().atMost(WAIT).until(c.closedWith::isDone);
    assertThat(a.closedWith).isNotDone();
    assertThat(b.closedWith).isNotDone();
    assertThat(io.partialPacketBytes().get()).isEqualTo(2_000);
  }
}
