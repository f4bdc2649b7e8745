package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.TestEngine;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP long-polling: payloads, limits, overlapping and vanished polls, compression, JSONP. */
class PollingTest {
  private TestEngine engine;

  @BeforeEach
  void start() {
    engine = new TestEngine(b -> b.maxHttpBufferSize(2000));
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private String q(String sid) {
    return "EIO=4&transport=polling&sid=" + sid;
  }

  @Test
  void textAndBinaryPacketsRoundTripInOnePayload() throws Exception {
    String sid = engine.openPolling();
    HttpResponse<String> post = engine.post(q(sid), "4hello\u001ebAQIDBA==\u001e4€");
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(post.body()).isEqualTo("ok");
    assertThat(post.headers().firstValue("content-type")).hasValue("text/html");
    assertThat(engine.await("text").text()).isEqualTo("hello");
    assertThat(engine.await("binary").bytes()).containsExactly(1, 2, 3, 4);
    HttpResponse<String> poll = engine.get(q(sid));
    assertThat(poll.statusCode()).isEqualTo(200);
    assertThat(poll.headers().firstValue("content-type")).hasValue("text/plain; charset=UTF-8");
    assertThat(poll.body()).isEqualTo("4hello\u001ebAQIDBA==\u001e4€");
  }

  @Test
  void aBurstOfServerMessagesIsBatchedWithinMaxPayload() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    String big = "x".repeat(900);
    for (int i = 0; i < 3; i++) socket.send(big);
    // 3 x 901 bytes do not fit in one 2000-byte payload: two polls
    assertThat(engine.get(q(sid)).body()).isEqualTo("4" + big + "\u001e4" + big);
    assertThat(engine.get(q(sid)).body()).isEqualTo("4" + big);
  }

  /** Like the official server: the POST is refused with 413, the session goes on. */
  @Test
  void oversizedPostIs413AndKeepsTheSession() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    HttpResponse<String> r = engine.post(q(sid), "4" + "y".repeat(2500));
    assertThat(r.statusCode()).isEqualTo(413);
    assertSessionStillWorks(sid, socket);
  }

  @Test
  void chunkedOversizedPostIsRefusedWithoutBufferingIt() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    String answer =
        engine.raw(
            "POST /engine.io/?"
                + q(sid)
                + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "bb8\r\n4"
                + "z".repeat(2999)
                + "\r\n0\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 413 ");
    assertSessionStillWorks(sid, socket);
  }

  private void assertSessionStillWorks(String sid, EngineSocket socket) throws Exception {
    assertThat(engine.post(q(sid), "4still here").statusCode()).isEqualTo(200);
    // the next event is the message: no close came before it
    assertThat(
            engine.events.poll(
                TestEngine.WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
        .satisfies(e -> assertThat(e.type() + " " + e.text()).isEqualTo("text still here"));
    assertThat(engine.get(q(sid)).body()).isEqualTo("4still here");
    assertThat(socket.isOpen()).isTrue();
  }

  @Test
  void binaryContentTypeIsRefusedAndClosesTheSession() throws Exception {
    String sid = engine.openPolling();
    HttpResponse<String> r =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(engine.url(q(sid))))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {4, 1, 2}))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(engine.await("close").text()).isEqualTo("transport error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "9", "4a\u001e\u001e4b", "b!!!notbase64", "\u001e", "x\u001e4ok"})
  void malformedPayloadClosesOnlyThatSession(String payload) throws Exception {
    String other = engine.openPolling();
    EngineSocket otherSocket = engine.await("connection").socket();
    String sid = engine.openPolling();
    HttpResponse<String> r = engine.post(q(sid), payload);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
    assertThat(engine.await("close").text()).isEqualTo("parse error");
    assertThat(engine.get(q(sid)).statusCode()).isEqualTo(400);
    // the other session is unaffected
    assertThat(otherSocket.isOpen()).isTrue();
    assertThat(engine.post(q(other), "4still here").statusCode()).isEqualTo(200);
    assertThat(engine.get(q(other)).body()).isEqualTo("4still here");
  }

  @Test
  void overlappingPollClosesTheSession() throws Exception {
    String sid = engine.openPolling();
    CompletableFuture<HttpResponse<String>> first =
        engine.http.sendAsync(
            HttpRequest.newBuilder(URI.create(engine.url(q(sid)))).build(),
            HttpResponse.BodyHandlers.ofString());
    EngineSocket socket = engine.await("connection").socket();
    Awaitility.await().atMost(TestEngine.WAIT).until(() -> pollIsWaiting(socket));
    HttpResponse<String> second = engine.get(q(sid) + "&t=burst");
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(first.get().body()).isEqualTo("1");
    assertThat(engine.await("close").text()).isEqualTo("transport error");
    assertThat(engine.get(q(sid)).statusCode()).isEqualTo(400);
  }

  @Test
  void pollWhoseConnectionVanishesClosesTheSession() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    try (Socket s = new Socket("127.0.0.1", engine.port)) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /engine.io/?" + q(sid) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes());
      out.flush();
      Awaitility.await().atMost(TestEngine.WAIT).until(() -> pollIsWaiting(socket));
    }
    TestEngine.Event closed = engine.await("close");
    assertThat(closed.text()).isEqualTo("transport error");
    assertThat(engine.server.clientsCount()).isZero();
  }

  @Test
  void closePacketEndsThePendingPollWithNoop() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    CompletableFuture<HttpResponse<String>> poll =
        engine.http.sendAsync(
            HttpRequest.newBuilder(URI.create(engine.url(q(sid)))).build(),
            HttpResponse.BodyHandlers.ofString());
    Awaitility.await().atMost(TestEngine.WAIT).until(() -> pollIsWaiting(socket));
    assertThat(engine.post(q(sid), "1").statusCode()).isEqualTo(200);
    assertThat(poll.get().body()).isEqualTo("6");
    assertThat(engine.await("close").text()).isEqualTo("transport close");
    assertThat(engine.get(q(sid)).statusCode()).isEqualTo(400);
  }

  /** Caught by the official suite: the poll sent before a CLOSE may arrive after it. */
  @Test
  void pollOvertakenByTheClientsClosePacketEndsWithNoopOnce() throws Exception {
    String sid = engine.openPolling();
    assertThat(engine.post(q(sid), "1").statusCode()).isEqualTo(200);
    assertThat(engine.await("close").text()).isEqualTo("transport close");
    HttpResponse<String> late = engine.get(q(sid));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.body()).isEqualTo("6");
    assertThat(engine.get(q(sid)).statusCode()).isEqualTo(400);
  }

  @Test
  void largeResponsesAreGzippedWhenAccepted() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    String big = "compress me ".repeat(150);
    socket.send(big);
    HttpResponse<byte[]> r =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(engine.url(q(sid))))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.headers().firstValue("content-encoding")).hasValue("gzip");
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("4" + big);
    assertThat(r.body().length).isLessThan(plain.length);
  }

  @Test
  void messagesSentWithoutCompressAreNotCompressed() throws Exception {
    String sid = engine.openPolling();
    EngineSocket socket = engine.await("connection").socket();
    socket.send(io.sio4j.engine.OutboundMessage.text("k".repeat(1500)).withCompress(false));
    HttpResponse<String> r =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(engine.url(q(sid))))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("content-encoding"))
        .isNotEqualTo(java.util.Optional.of("gzip"));
    assertThat(r.body()).isEqualTo("4" + "k".repeat(1500));
  }

  @Test
  void compressionCanBeTurnedOff() throws Exception {
    try (TestEngine plain = new TestEngine(b -> b.httpCompression(false))) {
      String sid = plain.openPolling();
      plain.await("connection").socket().send("z".repeat(5000));
      HttpResponse<String> r =
          plain.http.send(
              HttpRequest.newBuilder(URI.create(plain.url(q(sid))))
                  .header("Accept-Encoding", "gzip")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.headers().firstValue("content-encoding")).isEmpty();
      assertThat(r.body()).isEqualTo("4" + "z".repeat(5000));
    }
  }

  @Test
  void jsonpPollingWrapsPayloadsAndReadsFormBodies() throws Exception {
    HttpResponse<String> open = engine.get("EIO=4&transport=polling&j=3");
    assertThat(open.body()).startsWith("___eio[3](\"0{\\\"sid\\\":\\\"").endsWith("\");");
    String body = open.body();
    int i = body.indexOf("sid\\\":\\\"") + 8;
    String sid = body.substring(i, body.indexOf('\\', i));
    HttpResponse<String> post =
        engine.http.send(
            HttpRequest.newBuilder(URI.create(engine.url(q(sid) + "&j=3")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("d=4line1%5Cnline2%E2%80%A8"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(200);
    assertThat(engine.await("text").text()).isEqualTo("line1\nline2\u2028");
    HttpResponse<String> poll = engine.get(q(sid) + "&j=3");
    assertThat(poll.body()).isEqualTo("___eio[3](\"4line1\\nline2\\u2028\");");
  }

  @Test
  void jsonpIndexKeepsDigitsOnly() throws Exception {
    HttpResponse<String> open = engine.get("EIO=4&transport=polling&j=1%3Balert(1)");
    assertThat(open.body()).startsWith("___eio[11](");
  }

  /** Whether the session has a GET waiting (read on its event loop). */
  static boolean pollIsWaiting(EngineSocket socket) throws Exception {
    EngineSession session = (EngineSession) socket;
    return CompletableFuture.supplyAsync(
            () -> session.pollingTransport() != null && session.pollingTransport().writable(),
            socket.eventLoop())
        .get();
  }
}
