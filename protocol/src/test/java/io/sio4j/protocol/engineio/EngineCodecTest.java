package io.sio4j.protocol.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Engine.IO v4 packet and payload encoding, against the spec's examples and random inputs. */
class EngineCodecTest {

  static Stream<Arguments> specExamples() {
    return Stream.of(
        Arguments.of(EnginePacket.of(EnginePacketType.OPEN, "{\"sid\":\"x\"}"), "0{\"sid\":\"x\"}"),
        Arguments.of(EnginePacket.of(EnginePacketType.CLOSE), "1"),
        Arguments.of(EnginePacket.of(EnginePacketType.PING), "2"),
        Arguments.of(EnginePacket.of(EnginePacketType.PING, "probe"), "2probe"),
        Arguments.of(EnginePacket.of(EnginePacketType.PONG, "probe"), "3probe"),
        Arguments.of(EnginePacket.message("hello"), "4hello"),
        Arguments.of(EnginePacket.message("€ 😀"), "4€ 😀"),
        Arguments.of(EnginePacket.of(EnginePacketType.UPGRADE), "5"),
        Arguments.of(EnginePacket.of(EnginePacketType.NOOP), "6"));
  }

  @ParameterizedTest
  @MethodSource("specExamples")
  void textPacketsMatchTheSpec(EnginePacket packet, String wire) throws Exception {
    assertThat(EngineCodec.encodeText(packet)).isEqualTo(wire);
    assertThat(EngineCodec.decodeText(wire)).isEqualTo(packet);
  }

  @Test
  void payloadExampleFromTheSpec() throws Exception {
    List<EnginePacket> packets =
        List.of(EnginePacket.message("hello"), EnginePacket.binary(new byte[] {1, 2, 3, 4}));
    String wire = EngineCodec.encodePayload(packets);
    assertThat(wire).isEqualTo("4hello\u001ebAQIDBA==");
    List<EnginePacket> back = EngineCodec.decodePayload(wire, 10);
    assertThat(back.get(0)).isEqualTo(packets.get(0));
    assertThat(back.get(1).binary()).containsExactly(1, 2, 3, 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7", "9hello", "a", "x4", "\u001e"})
  void badTextPacketsAreRefused(String wire) {
    assertThatThrownBy(() -> EngineCodec.decodeText(wire)).isInstanceOf(ProtocolException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "\u001e", "4a\u001e", "\u001e4a", "4a\u001e\u001e4b", "b!!", "bAQ=x=", "8x"})
  void badPayloadsAreRefused(String payload) {
    assertThatThrownBy(() -> EngineCodec.decodePayload(payload, 100))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void textFrameMayCarryBase64BinaryLikeNode() throws Exception {
    EnginePacket p = EngineCodec.decodeTextFrame("bAQID");
    assertThat(p.isBinary()).isTrue();
    assertThat(p.binary()).containsExactly(1, 2, 3);
    assertThat(EngineCodec.decodeTextFrame("4a\u001e4b").text()).isEqualTo("a\u001e4b");
    assertThatThrownBy(() -> EngineCodec.decodeTextFrame("b!!"))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> EngineCodec.decodeTextFrame("")).isInstanceOf(ProtocolException.class);
  }

  @Test
  void base64WithTrailingLineBreakIsAcceptedLikeNode() throws Exception {
    // what io.socket:socket.io-client 2.x sends over polling for a binary attachment
    List<EnginePacket> packets = EngineCodec.decodePayload("bBQYH\n\u001ebAQI\r\nDBA==", 10);
    assertThat(packets.get(0).binary()).containsExactly(5, 6, 7);
    assertThat(packets.get(1).binary()).containsExactly(1, 2, 3, 4);
    assertThatThrownBy(() -> EngineCodec.decodePayload("bAQ ID", 10))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void packetCountIsBoundedWhileScanning() {
    String payload = String.join("\u001e", java.util.Collections.nCopies(50, "4x"));
    assertThatThrownBy(() -> EngineCodec.decodePayload(payload, 10))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("too many");
  }

  @Test
  void errorMessagesNeverEchoMuchInput() {
    String longJunk = "9" + "<script>".repeat(1000);
    assertThatThrownBy(() -> EngineCodec.decodeText(longJunk))
        .isInstanceOf(ProtocolException.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(64));
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /** Property: any list of packets survives a payload round trip (seeded, reproducible). */
  @ParameterizedTest
  @MethodSource("seeds")
  void randomPayloadsRoundTrip(long seed) throws Exception {
    Random r = new Random(seed);
    List<EnginePacket> packets = new ArrayList<>();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(4) == 0) {
        byte[] b = new byte[r.nextInt(40)];
        r.nextBytes(b);
        packets.add(EnginePacket.binary(b));
      } else {
        EnginePacketType type = EnginePacketType.values()[r.nextInt(7)];
        packets.add(EnginePacket.of(type, randomText(r)));
      }
    }
    List<EnginePacket> back = EngineCodec.decodePayload(EngineCodec.encodePayload(packets), 100);
    assertThat(back).hasSameSizeAs(packets);
    for (int i = 0; i < n; i++) {
      EnginePacket a = packets.get(i);
      EnginePacket b = back.get(i);
      assertThat(b.type()).isEqualTo(a.type());
      if (a.isBinary()) assertThat(b.binary()).containsExactly(a.binary());
      else assertThat(b.text()).isEqualTo(a.text());
    }
  }

  private static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    int len = r.nextInt(30);
    for (int i = 0; i < len; i++) {
      int kind = r.nextInt(10);
      if (kind < 6) sb.append((char) (' ' + r.nextInt(95)));
      else if (kind < 8) sb.append((char) (0xa0 + r.nextInt(0x500)));
      else if (kind < 9) sb.appendCodePoint(0x1f600 + r.nextInt(50));
      else sb.append('\n');
    }
    return sb.toString();
  }
}
