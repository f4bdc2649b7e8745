package io.sio4j.interop.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.client.AckCallback;
import io.sio4j.client.AckTimeoutException;
import io.sio4j.client.ClientOptions;
import io.sio4j.client.IO;
import io.sio4j.client.Socket;
import io.sio4j.protocol.event.Ack;
import io.sio4j.protocol.event.Arguments;
import io.sio4j.protocol.event.SocketDisconnectedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Acknowledgements both ways against the official Node server: futures, timeouts, retries. */
@ParameterizedClass
@EnumSource(TransportKind.class)
class ClientAckInteropTest {
  @Parameter TransportKind kind;

  private final NodeServer server = NodeServer.start();
  private Socket socket;

  @AfterEach
  void tearDown() {
    if (socket != null) socket.io().close();
    server.close();
  }

  private Socket connect(ClientOptions.Builder b) {
    socket = IO.socket(server.url("/"), b.forceNew(true).transports("websocket").build());
    await().until(socket::connected);
    return socket;
  }

  @Test
  void emitWithAckCompletesWithTheServersArguments() throws Exception {
    connect(kind.options());
    Arguments r =
        socket.emitWithAck("ack", "a", 2, Map.of("bin", new byte[] {9})).get(10, TimeUnit.SECONDS);
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.get(0, String.class)).isEqualTo("a");
    assertThat(r.get(1, Integer.class)).isEqualTo(2);
    assertThat(r.get(2).get("bin").binaryValue()).containsExactly(9);
  }

  @Test
  void ackCallbackReceivesTheResponse() throws Exception {
    connect(kind.options());
    CompletableFuture<String> got = new CompletableFuture<>();
    socket.emit("ack", "cb", AckCallback.of(r -> got.complete(r.get(0, String.class))));
    assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("cb");
  }

  @Test
  void timeoutFailsTheFutureWhenTheServerNeverAnswers() {
    connect(kind.options());
    CompletableFuture<Arguments> f =
        socket.timeout(Duration.ofMillis(300)).emitWithAck("no-answer", 1);
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(AckTimeoutException.class);
    assertThat(server.awaitEvent("no-answer").get("withAck").asBoolean()).isTrue();
  }

  @Test
  void retriesResendUntilAcknowledged() throws Exception {
    connect(kind.options().ackTimeout(Duration.ofMillis(300)).retries(3));
    // the server acknowledges "flaky" only from the second delivery on
    Arguments r = socket.emitWithAck("flaky", "once").get(10, TimeUnit.SECONDS);
    assertThat(r.get(0, String.class)).isEqualTo("ok");
    assertThat(r.get(1, Integer.class)).isEqualTo(2);
    assertThat(server.awaitEvent("flaky").get("args").get(0).asText()).isEqualTo("once");
    assertThat(server.awaitEvent("flaky").get("args").get(0).asText()).isEqualTo("once");
  }

  @Test
  void retriesGiveUpAfterTheLastTry() {
    connect(kind.options().ackTimeout(Duration.ofMillis(200)).retries(2));
    CompletableFuture<Arguments> f = socket.emitWithAck("no-answer", "x");
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(AckTimeoutException.class);
    for (int i = 0; i < 3; i++) server.awaitEvent("no-answer"); // 1 try + 2 retries
  }

  @Test
  void retriedEmitsKeepTheirOrder() throws Exception {
    connect(kind.options().ackTimeout(Duration.ofSeconds(2)).retries(1));
    CompletableFuture<Arguments> first = socket.emitWithAck("ack", 1);
    CompletableFuture<Arguments> second = socket.emitWithAck("ack", 2);
    assertThat(second.get(10, TimeUnit.SECONDS).get(0, Integer.class)).isEqualTo(2);
    assertThat(first.isDone()).isTrue();
    assertThat(server.awaitEvent("ack").get("args").get(0).asInt()).isEqualTo(1);
    assertThat(server.awaitEvent("ack").get("args").get(0).asInt()).isEqualTo(2);
  }

  @Test
  void pendingAcksFailOnDisconnect() {
    connect(kind.options());
    CompletableFuture<Arguments> f = socket.emitWithAck("no-answer");
    server.awaitEvent("no-answer");
    socket.disconnect();
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SocketDisconnectedException.class);
  }

  @Test
  void listenersAnswerTheServersAckRequests() {
    connect(kind.options());
    socket.on("question", (String q, Ack ack) -> ack.send(q + "!", List.of(1, 2)));
    socket.emit("ask", "why");
    JsonNode answer = server.await("answer");
    assertThat(answer.get("err").isNull()).isTrue();
    assertThat(answer.get("args").toString()).isEqualTo("[\"why!\",[1,2]]");
  }
}
