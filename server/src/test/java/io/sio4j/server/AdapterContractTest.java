package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.server.adapter.Adapter;
import io.sio4j.server.adapter.AdapterFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Adapter} must meet on one node: rooms, broadcasting (encode once), acks
 * over broadcasts, the utilities and the adapter events. An adapter module extends this class and
 * returns its factory from {@link #adapterFactory()} (this module publishes its tests as a
 * test-jar); {@link InMemoryAdapterContractTest} runs it for the default adapter.
 */
public abstract class AdapterContractTest {
  private final SocketIoServer io = SocketIoServer.builder().adapter(adapterFactory()).build();
  private final List<FakeConnection> conns = new ArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();

  /** The adapter under test. */
  protected abstract AdapterFactory adapterFactory();

  private void connect(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      CompletableFuture<Socket> s = new CompletableFuture<>();
      io.sockets().connectionListeners().clear();
      io.on("connection", s::complete);
      FakeConnection c = FakeConnection.connect(io);
      c.text("0");
      assertThat(c.next()).startsWith("0{");
      conns.add(c);
      sockets.add(s.get(5, TimeUnit.SECONDS));
    }
  }

  @AfterEach
  void tearDown() {
    io.close();
    conns.forEach(FakeConnection::shutdown);
  }

  private static String none(FakeConnection c) throws InterruptedException {
    OutboundMessage m = c.poll(Duration.ofMillis(50));
    return m == null ? null : m.text();
  }

  @Test
  protected void broadcastWritesTheSameFramesToEveryRecipient() throws Exception {
    connect(3);
    io.emit("news", "hi", new byte[] {1});
    List<OutboundMessage> headers = new ArrayList<>();
    for (FakeConnection c : conns) {
      OutboundMessage h = c.nextMessage();
      assertThat(h.text()).isEqualTo("51-[\"news\",\"hi\",{\"_placeholder\":true,\"num\":0}]");
      assertThat(c.nextMessage().binary()).containsExactly(1);
      headers.add(h);
    }
    // encoded once: the very same message object went to every session
    assertThat(headers.get(1)).isSameAs(headers.get(0));
    assertThat(headers.get(2)).isSameAs(headers.get(0));
  }

  @Test
  protected void toExceptAndSocketBroadcastTargetTheRightSockets() throws Exception {
    connect(3);
    sockets.get(0).join("a");
    sockets.get(1).join("a", "b");
    sockets.get(2).join("b");

    io.to("a").except("b").emit("x");
    assertThat(conns.get(0).next()).isEqualTo("2[\"x\"]");
    assertThat(none(conns.get(1))).isNull();
    assertThat(none(conns.get(2))).isNull();

    sockets.get(1).to("a").to("b").emit("y"); // sender excluded, each socket once
    assertThat(conns.get(0).next()).isEqualTo("2[\"y\"]");
    assertThat(conns.get(2).next()).isEqualTo("2[\"y\"]");
    assertThat(none(conns.get(1))).isNull();
    assertThat(none(conns.get(0))).isNull();

    sockets.get(0).broadcast().emit("z");
    assertThat(conns.get(1).next()).isEqualTo("2[\"z\"]");
    assertThat(conns.get(2).next()).isEqualTo("2[\"z\"]");
    assertThat(none(conns.get(0))).isNull();
  }

  @Test
  protected void operatorIsImmutable() throws Exception {
    connect(2);
    sockets.get(0).join("a");
    BroadcastOperator toA = io.to("a");
    BroadcastOperator toAll = toA.except("a");
    assertThat(toAll).isNotSameAs(toA);
    toA.emit("only-a");
    assertThat(conns.get(0).next()).isEqualTo("2[\"only-a\"]");
    assertThat(none(conns.get(1))).isNull();
    assertThat(toA.options().except()).isEmpty();
  }

  @Test
  protected void volatileAndCompressFlagsReachTheEngine() throws Exception {
    connect(1);
    io.asVolatile().compress(false).emit("v");
    OutboundMessage m = conns.get(0).nextMessage();
    assertThat(m.isVolatile()).isTrue();
    assertThat(m.compress()).isFalse();
  }

  @Test
  protected void broadcastWithAckGathersOneAnswerPerSocket() throws Exception {
    connect(2);
    CompletableFuture<List<Arguments>> all = io.timeout(Duration.ofSeconds(5)).emitWithAck("vote");
    for (FakeConnection c : conns) {
      String packet = c.next();
      assertThat(packet).matches("2\\d+\\[\"vote\"\\]");
      String id = packet.substring(1, packet.indexOf('['));
      c.text("3" + id + "[\"yes\"]");
    }
    List<Arguments> answers = all.get(5, TimeUnit.SECONDS);
    assertThat(answers).hasSize(2);
    assertThat(answers).extracting(a -> a.get(0, String.class)).containsOnly("yes");
  }

  @Test
  protected void broadcastWithAckTimeoutGivesThePartialAnswers() throws Exception {
    connect(2);
    CompletableFuture<List<Arguments>> all = io.timeout(Duration.ofMillis(200)).emitWithAck("vote");
    String packet = conns.get(0).next();
    conns.get(1).next();
    conns.get(0).text("3" + packet.substring(1, packet.indexOf('[')) + "[1]");
    assertThatThrownBy(() -> all.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(AckTimeoutException.class)
        .satisfies(e -> assertThat(((AckTimeoutException) e).responses()).hasSize(1));
  }

  @Test
  protected void broadcastWithAckToNobodyCompletesEmpty() throws Exception {
    assertThat(io.to("nobody").emitWithAck("x").get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  protected void utilitiesJoinLeaveFetchAndDisconnect() throws Exception {
    connect(2);
    sockets.get(0).join("a");
    io.in("a").socketsJoin("b");
    assertThat(sockets.get(0).rooms()).contains("a", "b");
    assertThat(sockets.get(1).rooms()).doesNotContain("b");
    io.socketsLeave("a");
    assertThat(sockets.get(0).rooms()).doesNotContain("a");

    List<RemoteSocket> inB = io.in("b").fetchSockets().get(5, TimeUnit.SECONDS);
    assertThat(inB).extracting(RemoteSocket::id).containsExactly(sockets.get(0).id());
    assertThat(io.fetchSockets().get(5, TimeUnit.SECONDS)).hasSize(2);

    sockets.get(1).data().put("name", "bob");
    RemoteSocket bob = io.except("b").fetchSockets().get(5, TimeUnit.SECONDS).get(0);
    assertThat(bob.data()).containsEntry("name", "bob");
    bob.emit("hello");
    assertThat(conns.get(1).next()).isEqualTo("2[\"hello\"]");

    io.in("b").disconnectSockets(false);
    assertThat(conns.get(0).next()).isEqualTo("1");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(io.sockets().sockets()).hasSize(1));
    assertThat(io.sockets().adapter().sids()).doesNotContainKey(sockets.get(0).id());
  }

  @Test
  protected void roomsGrowAndShrinkThroughOneMember() throws Exception {
    // a room of one member (every socket's own room) is kept differently from a larger one
    connect(3);
    Socket a = sockets.get(0);
    a.join("r");
    assertThat(io.in("r").fetchSockets().get(5, TimeUnit.SECONDS)).hasSize(1);
    sockets.get(1).join("r");
    sockets.get(2).join("r", "s", "t");
    assertThat(io.in("r").fetchSockets().get(5, TimeUnit.SECONDS)).hasSize(3);
    assertThat(sockets.get(2).rooms())
        .containsExactlyInAnyOrder(sockets.get(2).id(), "r", "s", "t");
    sockets.get(1).leave("r");
    sockets.get(2).leave("r");
    assertThat(io.in("r").fetchSockets().get(5, TimeUnit.SECONDS))
        .extracting(RemoteSocket::id)
        .containsExactly(a.id());
    a.leave("r");
    assertThat(io.sockets().adapter().rooms()).doesNotContainKey("r");
    a.leave(a.id());
    assertThat(a.rooms()).isEmpty();
    a.join("r");
    assertThat(a.rooms()).containsExactly("r");
    a.join(a.id());
    assertThat(a.rooms()).containsExactlyInAnyOrder(a.id(), "r");
    io.to(a.id()).emit("own");
    assertThat(conns.get(0).next()).isEqualTo("2[\"own\"]");
  }

  @Test
  protected void serverSideEmitOnOneNodeReachesNoOne() throws Exception {
    io.serverSideEmit("hello", 1);
    assertThat(io.serverSideEmitWithAck("hello").get(5, TimeUnit.SECONDS)).isEmpty();
    assertThatThrownBy(() -> io.serverSideEmit("disconnect"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  protected void adapterEventsFollowRoomMembership() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    io.sockets().adapter().on("create-room", r -> events.add("create " + r));
    io.sockets().adapter().on("delete-room", r -> events.add("delete " + r));
    io.sockets().adapter().on("join-room", (r, id) -> events.add("join " + r));
    io.sockets().adapter().on("leave-room", (r, id) -> events.add("leave " + r));
    connect(1);
    events.clear();
    Socket s = sockets.get(0);
    s.join("room1");
    s.join("room1");
    s.leave("room1");
    assertThat(events).containsExactly("create room1", "join room1", "leave room1", "delete room1");
    assertThat(io.sockets().adapter().rooms()).doesNotContainKey("room1");
    assertThat(io.sockets().adapter().sockets(java.util.Set.of(s.id())).get())
        .containsExactly(s.id());
  }
}
