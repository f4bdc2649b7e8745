package io.sio4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser and server rows of SECURITY-CASES.md: each bad input closes that one connection (or
 * gets the official answer), never reaches user code, and the other clients keep being served.
 */
class BadInputTest {
  private final SocketIoServer io = SocketIoServer.builder().build();
  private final List<String> userCalls = new CopyOnWriteArrayList<>();
  private final List<String> reasons = new CopyOnWriteArrayList<>();
  private FakeConnection victim;
  private FakeConnection bystander;

  @BeforeEach
  void connectBoth() throws Exception {
    io.of("/admin");
    io.on(
        "connection",
        s -> {
          s.onAny((event, args) -> userCalls.add(event));
          for (String e : List.of("hello", "connect", "newListener", "x", "n", "1")) {
            s.onRaw(e, (args, ack) -> userCalls.add(e));
          }
          s.on("disconnect", (String reason) -> reasons.add(reason));
        });
    victim = FakeConnection.connect(io);
    victim.text("0");
    assertThat(victim.next()).startsWith("0{");
    bystander = FakeConnection.connect(io);
    bystander.text("0");
    assertThat(bystander.next()).startsWith("0{");
  }

  @AfterEach
  void tearDown() {
    victim.shutdown();
    bystander.shutdown();
  }

  private void assertVictimClosedAndOthersServed(String expectedReason) {
    await().atMost(Duration.ofSeconds(5)).until(() -> !victim.isOpen());
    await().atMost(Duration.ofSeconds(5)).until(() -> reasons.size() == 1);
    assertThat(reasons).containsExactly(expectedReason);
    assertThat(userCalls).isEmpty();
    io.emit("still-here");
    assertThat(bystander.next()).isEqualTo("2[\"still-here\"]");
    assertThat(io.sockets().sockets()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2[{\"toString\":\"foo\"}]", // CVE-2023-32695: event name not a string
        "2[true,\"foo\"]",
        "2[null,\"bar\"]",
        "2[]",
        "2{}",
        "2\"hello\"",
        "2[\"connect\"]", // reserved names from the client
        "2[\"disconnect\",\"123\"]",
        "2[\"disconnecting\"]",
        "2[\"newListener\"]",
        "2abc[\"x\"]", // invalid ack id
        "2-1[\"x\"]",
        "299999999999999999999999999[\"x\"]", // ack id overflow
        "3[1]", // ACK without an id
        "7[\"x\"]", // unknown packet type
        "9",
        "",
        "2[\"x\"",
        "2[\"x\"]garbage",
      })
  void malformedPacketsCloseWithParseError(String packet) {
    victim.text(packet);
    assertVictimClosedAndOthersServed("parse error");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "51-[\"hello\",{\"_placeholder\":true,\"num\":\"splice\"}]", // CVE-2022-2421
        "51-[\"hello\",{\"_placeholder\":true,\"num\":-1}]",
        "51-[\"hello\",{\"_placeholder\":true,\"num\":1}]",
        "51-[\"hello\",{\"_placeholder\":true,\"num\":\"__proto__\"}]",
        "51-[\"hello\",{\"_placeholder\":true,\"num\":0.5}]",
        "511-[\"hello\"]", // CVE-2026-33151: more attachments than allowed (10)
        "5999999-[\"hello\"]",
        "599999999999999999999999-[\"hello\"]",
      })
  void invalidAttachmentsCloseWithParseError(String header) {
    victim.text(header);
    victim.binary(new byte[] {1});
    assertVictimClosedAndOthersServed("parse error");
  }

  @Test
  void binaryFrameWithoutPendingPacketClosesWithParseError() {
    victim.binary(new byte[] {1, 2, 3});
    assertVictimClosedAndOthersServed("parse error");
  }

  @Test
  void textFrameWhileAttachmentsAreAwaitedClosesWithParseError() {
    victim.text(
        "52-[\"hello\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
    victim.binary(new byte[] {1});
    victim.text("2[\"hello\"]");
    assertVictimClosedAndOthersServed("parse error");
  }

  @Test
  void secondConnectForAConnectedNamespaceClosesTheConnection() {
    victim.text("0");
    assertVictimClosedAndOthersServed("forced server close");
  }

  @Test
  void packetForANamespaceNotJoinedClosesTheConnection() {
    victim.text("2/admin,[\"hello\"]");
    assertVictimClosedAndOthersServed("forced server close");
  }

  @Test
  void connectErrorFromTheClientClosesTheConnection() {
    victim.text("4{\"message\":\"x\"}");
    assertVictimClosedAndOthersServed("forced server close");
  }

  @Test
  void unknownNamespaceGetsTheOfficialAnswerAndTheConnectionStays() {
    victim.text("0/random,");
    assertThat(victim.next()).isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
    victim.text("0/" + "a".repeat(10_000) + ",");
    assertThat(victim.next()).endsWith(",{\"message\":\"Invalid namespace\"}");
    assertThat(victim.isOpen()).isTrue();
    assertThat(io.sockets().sockets()).hasSize(2);
  }

  @Test
  void eventNamedErrorIsOrdinaryData() throws Exception {
    CompletableFuture<String> got = new CompletableFuture<>();
    io.sockets().sockets().values().forEach(s -> s.on("error", (Object a) -> got.complete("" + a)));
    victim.text("2[\"error\"]");
    assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("null");
    victim.text("2[\"error\",{}]");
    io.emit("sync");
    assertThat(victim.next()).isEqualTo("2[\"sync\"]");
    assertThat(victim.isOpen()).isTrue();
  }

  @Test
  void hugeNumbersAreDataNotCrashes() {
    victim.text("2[\"n\",123456789012345678901234567890123456789,1e400,-1e-400]");
    victim.text("2[\"x\"]");
    await().atMost(Duration.ofSeconds(5)).until(() -> userCalls.contains("x"));
    assertThat(victim.isOpen()).isTrue();
    io.emit("still-here");
    assertThat(bystander.next()).isEqualTo("2[\"still-here\"]");
  }

  @Test
  void argumentsThatDoNotBindAreDroppedNotFatal() throws Exception {
    CompletableFuture<Integer> got = new CompletableFuture<>();
    io.sockets().sockets().values().forEach(s -> s.on("num", (Integer n) -> got.complete(n)));
    victim.text("2[\"num\",{\"not\":\"a number\"}]");
    victim.text("2[\"num\",5]");
    assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo(5);
    assertThat(victim.isOpen()).isTrue();
  }
}
