package io.sio4j.protocol.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sio4j.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for the Engine.IO v3 decoders (issue 13, {@code allowEIO3}): text payloads ({@code
 * <length>:<packet>}, {@code b4<base64>}), binary payloads ({@code <0|1><digits>0xFF}), WebSocket
 * text frames and binary frames (type byte first). In the normal test run it replays the committed
 * corpus under {@code EngineV3PayloadFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes it.
 *
 * <p>Invariants: only {@link ProtocolException} escapes; no more packets than the limit come out;
 * what is decoded encodes back, in both payload forms, to the same packets.
 */
public class EngineV3PayloadFuzzTest {
  private static final int MAX_PACKETS = 16;

  @FuzzTest(maxDuration = "10m")
  void decodersOnlyThrowProtocolExceptions(byte[] data) {
    check(data);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] data) {
    check(data);
  }

  private static void check(byte[] data) {
    if (data.length == 0) return;
    // first byte: '0' text payload, '1' binary payload, '2' text frame, else binary frame
    byte[] rest = Arrays.copyOfRange(data, 1, data.length);
    String text = new String(rest, StandardCharsets.UTF_8);
    try {
      switch (data[0]) {
        case '0' -> assertRoundTrip(EngineCodecV3.decodePayload(text, MAX_PACKETS));
        case '1' -> assertRoundTrip(EngineCodecV3.decodeBinaryPayload(rest, MAX_PACKETS));
        case '2' -> {
          EnginePacket packet = EngineCodecV3.decodeText(text);
          assertThat(same(EngineCodecV3.decodeText(EngineCodecV3.encodeText(packet)), packet))
              .isTrue();
        }
        default -> {
          EnginePacket packet = EngineCodecV3.decodeBinaryFrame(rest);
          assertThat(EngineCodecV3.encodeBinaryFrame(packet)).isEqualTo(rest);
        }
      }
    } catch (ProtocolException expected) {
      // the protocol's own error: the transport closes the session
    }
  }

  private static void assertRoundTrip(List<EnginePacket> packets) throws ProtocolException {
    assertThat(packets).hasSizeLessThanOrEqualTo(MAX_PACKETS);
    List<EnginePacket> viaText =
        EngineCodecV3.decodePayload(EngineCodecV3.encodePayload(packets), packets.size());
    List<EnginePacket> viaBinary =
        packets.isEmpty()
            ? List.of()
            : EngineCodecV3.decodeBinaryPayload(
                EngineCodecV3.encodeBinaryPayload(packets), packets.size());
    assertThat(viaText).hasSameSizeAs(packets);
    assertThat(viaBinary).hasSameSizeAs(packets);
    for (int i = 0; i < packets.size(); i++) {
      assertThat(same(viaText.get(i), packets.get(i))).isTrue();
      assertThat(same(viaBinary.get(i), packets.get(i))).isTrue();
    }
  }

  private static boolean same(EnginePacket a, EnginePacket b) {
    return a.type() == b.type()
        && java.util.Objects.equals(a.text(), b.text())
        && Arrays.equals(a.binary(), b.binary());
  }
}
