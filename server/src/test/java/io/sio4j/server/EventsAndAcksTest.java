package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.engine.OutboundMessage;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.RawListener;
import io.sio4j.protocol.event.SocketDisconnectedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events, acknowledgements both ways, binary, catch-all listeners and socket middlewares. */
class EventsAndAcksTest {
  private final SocketIoServer io = SocketIoServer.builder().build();
  private final CompletableFuture<Socket> socket = new CompletableFuture<>();
  private FakeConnection c;

  private Socket connect() throws Exception {
    io.on("connection", socket::complete);
    c = FakeConnection.connect(io);
    c.text("0");
    assertThat(c.next()).startsWith("0{");
    return socket.get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() {
    if (c != null) c.shutdown();
  }

  @Test
  void eventWithAckFromClientIsAnswered() throws Exception {
    Socket s = connect();
    s.onRaw("message-with-ack", (args, ack) -> ack.send(args));
    c.text("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
    assertThat(c.next()).isEqualTo("3456[[1,\"2\",{\"3\":[false]}]]");
  }

  /**
   * Like the official server (listeners run on the next tick, only if still connected): an event
   * followed in the same read by the client's namespace DISCONNECT is dropped, and is not acked.
   */
  @Test
  void eventFollowedAtOnceByNamespaceDisconnectIsDropped() throws Exception {
    Socket s = connect();
    List<String> handled = new CopyOnWriteArrayList<>();
    CompletableFuture<String> reason = new CompletableFuture<>();
    s.onRaw(
        "late",
        (args, ack) -> {
          handled.add("late");
          ack.send("ok");
        });
    s.on("disconnect", (String why) -> reason.complete(why));
    c.textsInOneRead("21[\"late\"]", "1");
    assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("client namespace disconnect");
    c.runOnLoop(() -> {}); // whatever the read queued on the loop has run
    assertThat(handled).isEmpty();
    assertThat(c.poll(Duration.ZERO)).isNull();
  }

  @Test
  void eventsInOneReadStillRunInOrder() throws Exception {
    Socket s = connect();
    List<String> handled = new CopyOnWriteArrayList<>();
    s.onRaw("e", (args, ack) -> handled.add(args.get(0).asText()));
    c.textsInOneRead("2[\"e\",\"a\"]", "2[\"e\",\"b\"]", "2[\"e\",\"c\"]");
    c.runOnLoop(() -> {});
    assertThat(handled).containsExactly("a", "b", "c");
  }

  @Test
  void binaryEventWithAckEchoesAttachments() throws Exception {
    Socket s = connect();
    s.onRaw("message-with-ack", (args, ack) -> ack.send(args.get(0), args.get(1)));
    c.text(
        "52-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    c.binary(new byte[] {1, 2, 3});
    c.binary(new byte[] {4, 5, 6});
    assertThat(c.next())
        .isEqualTo("62-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    assertThat(c.nextMessage().binary()).containsExactly(1, 2, 3);
    assertThat(c.nextMessage().binary()).containsExactly(4, 5, 6);
  }

  @Test
  void emitWithAckCompletesWithTheClientsAnswer() throws Exception {
    Socket s = connect();
    CompletableFuture<Arguments> answer = s.emitWithAck("question", 42);
    assertThat(c.next()).isEqualTo("20[\"question\",42]");
    c.text("30[\"yes\",{\"n\":1}]");
    Arguments r = answer.get(5, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("yes");
    assertThat(r.get(1).path("n").asInt()).isEqualTo(1);
    assertThat(r.socketId()).isEqualTo(s.id());
  }

  @Test
  void emitWithAckTimesOut() throws Exception {
    Socket s = connect();
    CompletableFuture<Arguments> answer = s.timeout(Duration.ofMillis(100)).emitWithAck("question");
    assertThat(c.next()).isEqualTo("20[\"question\"]");
    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(AckTimeoutException.class);
    c.text("30[\"late\"]"); // a late answer is ignored
    s.emit("still", "alive");
    assertThat(c.next()).isEqualTo("2[\"still\",\"alive\"]");
  }

  @Test
  void pendingAckFailsWhenTheSocketDisconnects() throws Exception {
    Socket s = connect();
    CompletableFuture<Arguments> answer = s.emitWithAck("question");
    c.next();
    c.drop("transport close");
    assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SocketDisconnectedException.class);
  }

  @Test
  void unknownAckIdIsIgnored() throws Exception {
    Socket s = connect();
    c.text("399[1]");
    s.emit("ok");
    assertThat(c.next()).isEqualTo("2[\"ok\"]");
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void binaryArgumentsBecomeAttachments() throws Exception {
    Socket s = connect();
    s.emit("file", "name", new byte[] {9, 8});
    assertThat(c.next()).isEqualTo("51-[\"file\",\"name\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(c.nextMessage().binary()).containsExactly(9, 8);
  }

  /** A record with binary inside, bound both ways. */
  public record Blob(String name, java.nio.ByteBuffer data) {}

  @Test
  void byteBuffersAndRecordsWithBinaryInsideBindBothWays() throws Exception {
    Socket s = connect();
    CompletableFuture<Blob> got = new CompletableFuture<>();
    s.on("blob", (Blob b) -> got.complete(b));
    c.text("51-[\"blob\",{\"name\":\"n\",\"data\":{\"_placeholder\":true,\"num\":0}}]");
    c.binary(new byte[] {7, 7});
    Blob b = got.get(5, TimeUnit.SECONDS);
    assertThat(b.name()).isEqualTo("n");
    assertThat(b.data().remaining()).isEqualTo(2);

    s.asVolatile()
        .compress(false)
        .emit("blob", new Blob("m", java.nio.ByteBuffer.wrap(new byte[] {1})));
    OutboundMessage header = c.nextMessage();
    assertThat(header.text())
        .isEqualTo("51-[\"blob\",{\"name\":\"m\",\"data\":{\"_placeholder\":true,\"num\":0}}]");
    assertThat(header.isVolatile()).isTrue();
    assertThat(header.compress()).isFalse();
    assertThat(c.nextMessage().binary()).containsExactly(1);
  }

  @Test
  void reservedEventNamesCannotBeSent() throws Exception {
    Socket s = connect();
    assertThatThrownBy(() -> s.emit("disconnect")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> io.emit("connect")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onceAndOff() throws Exception {
    Socket s = connect();
    List<String> got = new CopyOnWriteArrayList<>();
    s.onceRaw("a", (args, ack) -> got.add("once"));
    RawListener l = (args, ack) -> got.add("on");
    s.onRaw("a", l);
    c.text("2[\"a\"]");
    s.off("a", l);
    c.text("2[\"a\"]");
    s.emit("sync");
    c.next();
    c.runOnLoop(() -> {});
    assertThat(got).containsExactly("once", "on");
  }

  @Test
  void catchAllListenersSeeIncomingAndOutgoingEvents() throws Exception {
    Socket s = connect();
    List<String> seen = new CopyOnWriteArrayList<>();
    s.onAny((e, args) -> seen.add("in:" + e + args));
    s.prependAny((e, args) -> seen.add("first"));
    s.onAnyOutgoing((e, args) -> seen.add("out:" + e + args));
    c.text("2[\"hello\",1]");
    s.emit("bye", 2);
    c.next();
    assertThat(seen).containsExactly("first", "in:hello[1]", "out:bye[2]");
  }

  @Test
  void socketMiddlewareCanRejectAnEvent() throws Exception {
    Socket s = connect();
    List<String> got = new CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> error = new CompletableFuture<>();
    s.use(
        (event, next) -> {
          if (event.name().equals("secret")) next.fail(new IllegalStateException("denied"));
          else next.proceed();
        });
    s.onError(error::complete);
    s.onRaw("secret", (a, ack) -> got.add("secret"));
    s.onRaw("open", (a, ack) -> got.add("open"));
    c.text("2[\"secret\"]");
    c.text("2[\"open\"]");
    assertThat(error.get(5, TimeUnit.SECONDS)).hasMessage("denied");
    assertThat(got).containsExactly("open");
  }

  @Test
  void clientEventNamedErrorIsJustData() throws Exception {
    Socket s = connect();
    CompletableFuture<String> got = new CompletableFuture<>();
    s.onRaw("error", (a, ack) -> got.complete(a.toString()));
    c.text("2[\"error\",{}]");
    assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("[{}]");
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void listenerExceptionDoesNotCloseTheConnection() throws Exception {
    Socket s = connect();
    s.onRaw(
        "boom",
        (a, ack) -> {
          throw new IllegalStateException("user bug");
        });
    c.text("2[\"boom\"]");
    s.emit("after");
    OutboundMessage m = c.nextMessage();
    assertThat(m.text()).isEqualTo("2[\"after\"]");
    assertThat(c.isOpen()).isTrue();
  }
}
