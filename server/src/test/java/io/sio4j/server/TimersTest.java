package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.testkit.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every server timer goes through the injected scheduler: connect timeout, acknowledgement timeouts
 * (cancelled when the answer arrives) and the expiry of connection state recovery, driven by a
 * {@link VirtualClock} instead of real time.
 */
class TimersTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final VirtualClock clock = new VirtualClock();
  private final SocketIoServer io =
      SocketIoServer.builder()
          .scheduler(clock)
          .connectionStateRecovery(Duration.ofMinutes(2), true)
          .build();
  private final List<FakeConnection> conns = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Socket> sockets = new LinkedBlockingQueue<>();

  TimersTest() {
    io.on("connection", sockets::add);
  }

  @AfterEach
  void tearDown() {
    conns.forEach(FakeConnection::shutdown);
  }

  private FakeConnection open() {
    FakeConnection c = FakeConnection.connect(io);
    conns.add(c);
    return c;
  }

  private Socket join(FakeConnection c, String auth) throws Exception {
    c.text("0" + auth);
    assertThat(c.next()).startsWith("0{");
    Socket s = sockets.poll(5, TimeUnit.SECONDS);
    assertThat(s).isNotNull();
    return s;
  }

  @Test
  void connectTimeoutClosesAConnectionThatJoinsNoNamespace() {
    FakeConnection c = open();
    clock.advance(Duration.ofSeconds(45).minusMillis(1));
    assertThat(c.closedWith).isNotDone();
    clock.advance(Duration.ofMillis(1));
    await().atMost(WAIT).until(c.closedWith::isDone);
    assertThat(clock.pending()).isZero();
  }

  @Test
  void joiningANamespaceCancelsTheConnectTimer() throws Exception {
    FakeConnection c = open();
    assertThat(clock.pending()).isEqualTo(1);
    join(c, "");
    await().atMost(WAIT).until(() -> clock.pending() == 0);
    clock.advance(Duration.ofMinutes(1));
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void ackTimeoutFiresOnTheClock() throws Exception {
    Socket s = join(open(), "");
    CompletableFuture<Arguments> answer = s.timeout(Duration.ofSeconds(5)).emitWithAck("question");
    clock.advance(Duration.ofSeconds(5).minusMillis(1));
    assertThat(answer).isNotDone();
    clock.advance(Duration.ofMillis(1));
    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(AckTimeoutException.class);
  }

  @Test
  void anAnsweredAckCancelsItsTimer() throws Exception {
    FakeConnection c = open();
    Socket s = join(c, "");
    await().atMost(WAIT).until(() -> clock.pending() == 0);
    CompletableFuture<Arguments> answer = s.timeout(Duration.ofSeconds(5)).emitWithAck("question");
    assertThat(c.next()).isEqualTo("20[\"question\"]");
    assertThat(clock.pending()).isEqualTo(1);
    c.text("30[\"yes\"]");
    answer.get(5, TimeUnit.SECONDS);
    assertThat(clock.pending()).isZero();
  }

  @Test
  void anAnsweredBroadcastCancelsItsTimers() throws Exception {
    FakeConnection c = open();
    join(c, "");
    await().atMost(WAIT).until(() -> clock.pending() == 0);
    CompletableFuture<List<Arguments>> answers =
        io.timeout(Duration.ofSeconds(5)).emitWithAck("vote");
    String sent = c.next();
    assertThat(sent).matches("2\\d+\\[\"vote\"\\]");
    String ackId = sent.substring(1, sent.indexOf('['));
    c.text("3" + ackId + "[\"yes\"]");
    assertThat(answers.get(5, TimeUnit.SECONDS)).hasSize(1);
    assertThat(clock.pending()).isZero();
  }

  @Test
  void recoveryWorksWithinTheDisconnectionWindowAndExpiresAfterIt() throws Exception {
    String[] state = disconnectAfterOneEvent();
    clock.advance(Duration.ofMinutes(2));
    assertThat(join(open(), auth(state)).recovered()).isTrue();

    state = disconnectAfterOneEvent();
    clock.advance(Duration.ofMinutes(2).plusMillis(1));
    assertThat(join(open(), auth(state)).recovered()).isFalse();
  }

  /** Connects, receives one event, drops the transport; returns {pid, offset}. */
  private String[] disconnectAfterOneEvent() throws Exception {
    FakeConnection c = open();
    c.text("0");
    JsonNode reply = new ObjectMapper().readTree(c.next().substring(1));
    assertThat(sockets.poll(5, TimeUnit.SECONDS)).isNotNull();
    io.emit("news", 1);
    JsonNode event = new ObjectMapper().readTree(c.next().substring(1));
    c.drop("transport close");
    return new String[] {reply.get("pid").asText(), event.get(2).asText()};
  }

  private static String auth(String[] state) {
    return "{\"pid\":\"" + state[0] + "\",\"offset\":\"" + state[1] + "\"}";
  }
}
