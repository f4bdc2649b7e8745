package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.adapter.redis.TestRedis;
import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.event.Arguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Java server nodes, each with its own Redis connections, in one cluster: broadcasts, rooms,
 * utilities, fetchSockets, serverSideEmit and broadcasts with acks cross from one node to the
 * other. (In package {@code io.sio4j.server} for the server tests' in-process {@code
 * FakeConnection}.)
 */
class RedisClusterTest {
  private final String key = TestRedis.uniqueKey();
  private final List<AutoCloseable> closeLast = new ArrayList<>();
  private final List<FakeConnection> conns = new ArrayList<>();
  private SocketIoServer a;
  private SocketIoServer b;

  @BeforeEach
  void start() throws Exception {
    a = node();
    b = node();
    for (SocketIoServer io : List.of(a, b)) {
      ((RedisAdapter) io.sockets().adapter()).subscribed().get(5, TimeUnit.SECONDS);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> a.sockets().adapter().serverCount().get() == 2);
  }

  private SocketIoServer node() {
    TestRedis redis = TestRedis.connect();
    closeLast.add(redis);
    return SocketIoServer.builder().adapter(redis.factory(key)).build();
  }

  @AfterEach
  void stop() throws Exception {
    a.close();
    b.close();
    conns.forEach(FakeConnection::shutdown);
    for (AutoCloseable c : closeLast) c.close();
  }

  /** A client of {@code io} connected to the main namespace, and its server-side socket. */
  private record Client(FakeConnection conn, Socket socket) {}

  private Client connect(SocketIoServer io) throws Exception {
    CompletableFuture<Socket> s = new CompletableFuture<>();
    io.sockets().connectionListeners().clear();
    io.on("connection", s::complete);
    FakeConnection c = FakeConnection.connect(io);
    conns.add(c);
    c.text("0");
    assertThat(c.next()).startsWith("0{");
    return new Client(c, s.get(5, TimeUnit.SECONDS));
  }

  private static String none(FakeConnection c) throws InterruptedException {
    OutboundMessage m = c.poll(Duration.ofMillis(100));
    return m == null ? null : m.text();
  }

  @Test
  void serverCountCountsBothNodes() throws Exception {
    assertThat(b.sockets().adapter().serverCount().get(5, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void broadcastReachesClientsOfBothNodesWithBinary() throws Exception {
    Client onA = connect(a);
    Client onB = connect(b);
    a.emit("news", "hi", new byte[] {1, 2});
    for (Client c : List.of(onA, onB)) {
      assertThat(c.conn().next())
          .isEqualTo("51-[\"news\",\"hi\",{\"_placeholder\":true,\"num\":0}]");
      assertThat(c.conn().nextMessage().binary()).containsExactly(1, 2);
    }
    assertThat(none(onA.conn())).as("the sender node drops its own message").isNull();
  }

  @Test
  void roomsAndExceptAcrossNodes() throws Exception {
    Client a1 = connect(a);
    Client b1 = connect(b);
    Client b2 = connect(b);
    b1.socket().join("r");
    b2.socket().join("r", "muted");
    a.to("r").except("muted").emit("x", 1);
    assertThat(b1.conn().next()).isEqualTo("2[\"x\",1]");
    assertThat(none(b2.conn())).isNull();
    assertThat(none(a1.conn())).isNull();

    a.local().emit("local-only");
    assertThat(a1.conn().next()).isEqualTo("2[\"local-only\"]");
    assertThat(none(b1.conn())).isNull();
  }

  @Test
  void socketsJoinLeaveAndDisconnectAcrossNodes() throws Exception {
    Client a1 = connect(a);
    Client b1 = connect(b);
    a.socketsJoin("all");
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(b1.socket().rooms()).contains("all"));
    assertThat(a1.socket().rooms()).contains("all");
    a.in("all").socketsLeave("all");
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(b1.socket().rooms()).doesNotContain("all"));
    a.in(b1.socket().id()).disconnectSockets(false);
    assertThat(b1.conn().next()).isEqualTo("1");
    assertThat(a1.socket().disconnected()).isFalse();
  }

  @Test
  void fetchSocketsSeesRemoteSocketsAndActsOnThem() throws Exception {
    Client a1 = connect(a);
    Client b1 = connect(b);
    b1.socket().join("team");
    b1.socket().data().put("name", "bob");
    List<RemoteSocket> all = a.fetchSockets().get(5, TimeUnit.SECONDS);
    assertThat(all)
        .extracting(RemoteSocket::id)
        .containsExactlyInAnyOrder(a1.socket().id(), b1.socket().id());
    RemoteSocket bob = a.in("team").fetchSockets().get(5, TimeUnit.SECONDS).get(0);
    assertThat(bob.id()).isEqualTo(b1.socket().id());
    assertThat(bob.data()).containsEntry("name", "bob");
    assertThat(bob.rooms()).contains("team", b1.socket().id());
    assertThat(bob.handshake().auth().isObject()).isTrue();

    bob.emit("hello", "bob");
    assertThat(b1.conn().next()).isEqualTo("2[\"hello\",\"bob\"]");
    bob.join("vip");
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(b1.socket().rooms()).contains("vip"));
  }

  @Test
  void allRoomsListsTheRoomsOfEveryNode() throws Exception {
    Client a1 = connect(a);
    Client b1 = connect(b);
    a1.socket().join("on-a");
    b1.socket().join("on-b");
    assertThat(((RedisAdapter) a.sockets().adapter()).allRooms().get(5, TimeUnit.SECONDS))
        .containsExactlyInAnyOrder("on-a", "on-b", a1.socket().id(), b1.socket().id());
  }

  @Test
  void serverSideEmitWithAckBothWays() throws Exception {
    b.onServerSideEmit("ping", (args, ack) -> ack.accept("pong " + args.get(0).asInt()));
    a.onServerSideEmit("ping", (args, ack) -> ack.accept("pong from a"));
    assertThat(a.serverSideEmitWithAck("ping", 1).get(5, TimeUnit.SECONDS))
        .extracting(r -> r.get(0).asText())
        .containsExactly("pong 1");
    assertThat(b.serverSideEmitWithAck("ping", 2).get(5, TimeUnit.SECONDS))
        .extracting(r -> r.get(0).asText())
        .containsExactly("pong from a");

    CompletableFuture<String> got = new CompletableFuture<>();
    b.onServerSideEmit("note", (args, ack) -> got.complete(args.toString() + (ack == null)));
    a.serverSideEmit("note", "x", 2);
    assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("[\"x\",2]true");
  }

  @Test
  void serverSideEmitWithAckTimesOutWhenANodeDoesNotAnswer() {
    // b has no listener, so it never answers
    assertThatThrownBy(() -> a.serverSideEmitWithAck("nobody-listens").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
  }

  @Test
  void broadcastWithAckGathersAnswersFromBothNodes() throws Exception {
    Client a1 = connect(a);
    Client b1 = connect(b);
    CompletableFuture<List<Arguments>> all = a.timeout(Duration.ofSeconds(5)).emitWithAck("vote");
    for (Client c : List.of(a1, b1)) {
      String packet = c.conn().next();
      assertThat(packet).matches("2\\d+\\[\"vote\"\\]");
      c.conn().text("3" + packet.substring(1, packet.indexOf('[')) + "[\"yes\"]");
    }
    List<Arguments> answers = all.get(5, TimeUnit.SECONDS);
    assertThat(answers).hasSize(2);
    assertThat(answers).extracting(r -> r.get(0, String.class)).containsOnly("yes");
  }
}
