package io.sio4j.protocol.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.protocol.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Engine.IO v3 framing, with the examples of docs/engine.io-protocol/v3.md and its suite. */
class EngineCodecV3Test {
  private static final byte[] ONE_TO_FOUR = {1, 2, 3, 4};

  @Test
  void textPayloadPrefixesEachPacketWithItsLength() {
    String body =
        EngineCodecV3.encodePayload(
            List.of(EnginePacket.message("hello"), EnginePacket.binary(ONE_TO_FOUR)));
    assertThat(body).isEqualTo("6:4hello10:b4AQIDBA==");
  }

  @Test
  void lengthCountsUtf16CodeUnitsLikeJavaScript() throws ProtocolException {
    String body = EngineCodecV3.encodePayload(List.of(EnginePacket.message("€𝄞")));
    assertThat(body).isEqualTo("4:4€𝄞");
    assertThat(EngineCodecV3.decodePayload(body, 4)).containsExactly(EnginePacket.message("€𝄞"));
  }

  @Test
  void noPacketsIsTheEmptyPayload() throws ProtocolException {
    assertThat(EngineCodecV3.encodePayload(List.of())).isEqualTo("0:");
    assertThat(EngineCodecV3.decodePayload("0:", 4)).isEmpty();
  }

  @Test
  void decodesSeveralPacketsAndBase64() throws ProtocolException {
    List<EnginePacket> packets = EngineCodecV3.decodePayload("6:4test11:210:b4AQIDBA==", 8);
    assertThat(packets).hasSize(3);
    assertThat(packets.get(0)).isEqualTo(EnginePacket.message("test1"));
    assertThat(packets.get(1).type()).isEqualTo(EnginePacketType.PING);
    assertThat(packets.get(2).binary()).containsExactly(ONE_TO_FOUR);
  }

  @Test
  void binaryPayloadMatchesTheSuiteBytes() throws ProtocolException {
    byte[] body =
        EngineCodecV3.encodeBinaryPayload(
            List.of(EnginePacket.message("hello"), EnginePacket.binary(ONE_TO_FOUR)));
    byte[] expected = {
      0, 6, (byte) 255, 52, 104, 101, 108, 108, 111, 1, 5, (byte) 255, 4, 1, 2, 3, 4
    };
    assertThat(body).containsExactly(expected);
    List<EnginePacket> back = EngineCodecV3.decodeBinaryPayload(body, 4);
    assertThat(back.get(0)).isEqualTo(EnginePacket.message("hello"));
    assertThat(back.get(1).binary()).containsExactly(ONE_TO_FOUR);
  }

  @Test
  void binaryPayloadCountsUtf8Bytes() throws ProtocolException {
    byte[] body = EngineCodecV3.encodeBinaryPayload(List.of(EnginePacket.message("€")));
    assertThat(body).containsExactly(0, 4, 255 - 256, '4', 0xe2 - 256, 0x82 - 256, 0xac - 256);
    assertThat(EngineCodecV3.decodeBinaryPayload(body, 1))
        .containsExactly(EnginePacket.message("€"));
  }

  @Test
  void websocketFramesCarryTheTypeByte() throws ProtocolException {
    byte[] frame = EngineCodecV3.encodeBinaryFrame(EnginePacket.binary(ONE_TO_FOUR));
    assertThat(frame).containsExactly(4, 1, 2, 3, 4);
    assertThat(EngineCodecV3.decodeBinaryFrame(frame).binary()).containsExactly(ONE_TO_FOUR);
    assertThat(EngineCodecV3.decodeText("b4AQIDBA==").binary()).containsExactly(ONE_TO_FOUR);
    assertThat(EngineCodecV3.encodeText(EnginePacket.of(EnginePacketType.PONG, "probe")))
        .isEqualTo("3probe");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "6:4hello6",
        "7:4hello",
        ":4hello",
        "x:4",
        "1:9",
        "2:b5",
        "5:b4!!!",
        "-1:4",
        "99999999999:4",
        "1:41:"
      })
  void refusesMalformedTextPayloads(String payload) {
    assertThatThrownBy(() -> EngineCodecV3.decodePayload(payload, 8))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void refusesMalformedBinaryPayloadsAndFrames() {
    byte[][] bad = {
      {},
      {2, 1, (byte) 255, '4'},
      {0, 1},
      {0, 12, (byte) 255, '4'},
      {0, 5, (byte) 255, '4'},
      {0, (byte) 255, '4'},
      {0, 2, (byte) 255, (byte) 0xc3, (byte) 0x28},
      {1, 1, (byte) 255, 2}
    };
    for (byte[] b : bad) {
      assertThatThrownBy(() -> EngineCodecV3.decodeBinaryPayload(b, 8))
          .as(java.util.Arrays.toString(b))
          .isInstanceOf(ProtocolException.class);
    }
    assertThatThrownBy(() -> EngineCodecV3.decodeBinaryFrame(new byte[0]))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> EngineCodecV3.decodeBinaryFrame(new byte[] {2, 1}))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void limitsThePacketCount() {
    String many = "1:2".repeat(5);
    assertThatThrownBy(() -> EngineCodecV3.decodePayload(many, 4))
        .isInstanceOf(ProtocolException.class);
  }
}
