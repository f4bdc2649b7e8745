package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.protocol.ProtocolException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed packet gets a {@link ProtocolException} (the caller closes the connection), and
 * the decoder is usable again afterwards. Rows cite /work/shared/SECURITY-CASES.md.
 */
class DecoderBadInputTest {
  private static final String P0 = "{\"_placeholder\":true,\"num\":0}";

  static Stream<Arguments> malformed() {
    return Stream.of(
        bad("empty packet", ""),
        bad("unknown type 7", "7[\"a\"]"),
        bad("unknown type letter", "a"),
        bad("unknown type minus", "-1"),
        // CVE-2026-33151: counts bounded before anything is buffered
        bad("too many attachments 5999999", "5999999-[\"a\"]"),
        bad("attachment digit run", "5" + "9".repeat(100_000) + "-[\"a\"]"),
        bad("attachments over the default 10", "511-[\"a\"]"),
        bad("attachment count missing", "5-[\"a\"]"),
        bad("attachment dash missing", "51[\"a\"," + P0 + "]"),
        bad("attachment count not a number", "5a-[\"a\"]"),
        bad("attachment count only", "51"),
        bad("binary packet without attachments", "50-[\"a\"]"),
        // CVE-2022-2421: placeholders validated
        bad("num splice", "51-[\"hello\",{\"_placeholder\":true,\"num\":\"splice\"}]"),
        bad("num __proto__", "51-[\"hello\",{\"_placeholder\":true,\"num\":\"__proto__\"}]"),
        bad("num negative", "51-[\"hello\",{\"_placeholder\":true,\"num\":-1}]"),
        bad("num float", "51-[\"hello\",{\"_placeholder\":true,\"num\":0.5}]"),
        bad("num out of range", "51-[\"hello\",{\"_placeholder\":true,\"num\":1}]"),
        bad("num huge", "51-[\"hello\",{\"_placeholder\":true,\"num\":99999999999999999999}]"),
        bad("num missing", "51-[\"hello\",{\"_placeholder\":true}]"),
        bad("num used twice", "52-[\"hello\"," + P0 + "," + P0 + "]"),
        bad("fewer placeholders than announced", "52-[\"hello\"," + P0 + "]"),
        bad("placeholder without the flag", "51-[\"hello\",{\"num\":0}]"),
        bad(
            "more placeholders than announced",
            "51-[\"hello\"," + P0 + ",{\"_placeholder\":true,\"num\":1}]"),
        bad("binary ack placeholder out of range", "61-1[{\"_placeholder\":true,\"num\":3}]"),
        // CVE-2023-32695: event name format
        bad("event name object", "2[{\"toString\":\"foo\"}]"),
        bad("event name boolean", "2[true,\"foo\"]"),
        bad("event name null", "2[null,\"bar\"]"),
        bad("event name array", "2[[\"a\"]]"),
        bad("event empty array", "2[]"),
        bad("event object", "2{}"),
        bad("event string", "2\"hello\""),
        bad("event without payload", "2"),
        bad("event without payload in namespace", "2/admin,"),
        bad("reserved connect", "2[\"connect\"]"),
        bad("reserved connect_error", "2[\"connect_error\"]"),
        bad("reserved disconnect", "2[\"disconnect\",\"123\"]"),
        bad("reserved disconnecting", "2[\"disconnecting\"]"),
        bad("reserved newListener", "2[\"newListener\"]"),
        bad("reserved removeListener", "2[\"removeListener\"]"),
        bad("reserved name in binary event", "51-[\"disconnect\"," + P0 + "]"),
        // bad JSON
        bad("JSON garbage", "2abc[\"a\"]"),
        bad("JSON truncated", "2[\"a\""),
        bad("JSON trailing garbage", "2[\"a\"]xyz"),
        bad("JSON two values", "2[\"a\"][\"b\"]"),
        bad("JSON single quotes", "2['a']"),
        bad("JSON nested too deep", "2[\"a\"," + "[".repeat(5000) + "]".repeat(5000) + "]"),
        // CVE-2020-36049: digit runs in ack ids
        bad("ack id digit run", "2" + "1".repeat(100_000) + "[\"a\"]"),
        bad("ack id past 16 digits", "3" + "9".repeat(17) + "[]"),
        // ACK
        bad("ack without id", "3[\"a\"]"),
        bad("ack object", "31{}"),
        bad("ack string", "31\"a\""),
        bad("ack without payload", "31"),
        // CONNECT / DISCONNECT / CONNECT_ERROR
        bad("connect array", "0[]"),
        bad("connect string", "0\"token\""),
        bad("connect null", "0null"),
        bad("connect boolean", "0/admin,true"),
        bad("disconnect with object", "1{}"),
        bad("disconnect with payload in namespace", "1/admin,[]"),
        bad("connect_error array", "4[]"),
        bad("connect_error number", "4/a,1"),
        bad("connect_error without payload", "4"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsAndStaysUsable(String name, String text) throws Exception {
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    assertThatThrownBy(() -> decoder.decodeText(text)).isInstanceOf(ProtocolException.class);
    assertThat(decoder.awaitingAttachments()).isFalse();
    assertThat(decoder.decodeText("2[\"next\"]").eventName()).isEqualTo("next");
  }

  @Test
  void errorMessagesDoNotEchoTheWholeInput() {
    String huge = "2" + "x".repeat(10_000);
    assertThatThrownBy(() -> SocketIoParser.json().newDecoder().decodeText(huge))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("...")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }

  @Test
  void textPacketWhileAttachmentsAreAwaitedIsAnError() throws Exception {
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    assertThat(decoder.decodeText("51-[\"a\"," + P0 + "]")).isNull();
    assertThatThrownBy(() -> decoder.decodeText("2[\"b\"]"))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("awaiting");
    assertThat(decoder.awaitingAttachments()).isFalse();
    assertThatThrownBy(() -> decoder.decodeBinary(new byte[] {1}))
        .as("the abandoned packet is gone")
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void binaryFrameWhenNoneIsExpectedIsAnError() {
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    assertThatThrownBy(() -> decoder.decodeBinary(new byte[] {1, 2}))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("no attachment was expected");
  }

  @Test
  void extraBinaryFrameAfterTheLastAttachmentIsAnError() throws Exception {
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    decoder.decodeText("51-[\"a\"," + P0 + "]");
    assertThat(decoder.decodeBinary(new byte[] {1})).isNotNull();
    assertThatThrownBy(() -> decoder.decodeBinary(new byte[] {2}))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void resetDropsAPartlyReceivedPacket() throws Exception {
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    decoder.decodeText("52-[\"a\"," + P0 + ",{\"_placeholder\":true,\"num\":1}]");
    decoder.decodeBinary(new byte[] {1});
    decoder.reset();
    assertThat(decoder.awaitingAttachments()).isFalse();
    assertThat(decoder.decodeText("2[\"b\"]").eventName()).isEqualTo("b");
  }

  @Test
  void maxAttachmentsIsConfigurable() throws Exception {
    String twelve = twelvePlaceholders();
    assertThatThrownBy(() -> SocketIoParser.json().newDecoder().decodeText(twelve))
        .hasMessageContaining("too many attachments");
    PacketDecoder lenient = SocketIoParser.builder().maxAttachments(12).build().newDecoder();
    assertThat(lenient.decodeText(twelve)).isNull();
    assertThat(lenient.awaitingAttachments()).isTrue();
    PacketDecoder none = SocketIoParser.builder().maxAttachments(0).build().newDecoder();
    assertThatThrownBy(() -> none.decodeText("51-[\"a\"," + P0 + "]"))
        .hasMessageContaining("too many attachments");
  }

  @Test
  void longNamespaceIsReadInOnePass() throws Exception {
    String nsp = "/" + "n".repeat(200_000);
    SocketPacket p = SocketIoParser.json().newDecoder().decodeText("2" + nsp + ",[\"a\"]");
    assertThat(p.namespace()).isEqualTo(nsp);
  }

  @Test
  void largestAcceptedAckIdDoesNotOverflow() throws Exception {
    SocketPacket p = SocketIoParser.json().newDecoder().decodeText("3" + "9".repeat(16) + "[]");
    assertThat(p.ackId()).isEqualTo(9_999_999_999_999_999L);
  }

  private static String twelvePlaceholders() {
    StringBuilder sb = new StringBuilder("512-[\"a\"");
    for (int i = 0; i < 12; i++)
      sb.append(",{\"_placeholder\":true,\"num\":").append(i).append('}');
    return sb.append(']').toString();
  }

  private static Arguments bad(String name, String text) {
    return Arguments.of(name, text);
  }
}
