package io.sio4j.protocol.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sio4j.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for the Engine.IO decoders (issue 14): polling payloads, WebSocket text frames
 * (including {@code b<base64>} frames) and binary frames. In the normal test run it replays the
 * committed corpus under {@code EnginePayloadFuzzTestInputs/}; {@code scripts/fuzz.sh} fuzzes it.
 *
 * <p>Invariants: only {@link ProtocolException} escapes; no more packets than the limit come out;
 * what is decoded encodes back to a payload that decodes to the same packets.
 */
public class EnginePayloadFuzzTest {
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
    // first byte: which decoder ('0' polling payload, '1' text frame, else binary frame)
    int mode = data[0] == '0' ? 0 : data[0] == '1' ? 1 : 2;
    String input = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    try {
      switch (mode) {
        case 0 -> {
          List<EnginePacket> packets = EngineCodec.decodePayload(input, MAX_PACKETS);
          assertThat(packets).isNotEmpty().hasSizeLessThanOrEqualTo(MAX_PACKETS);
          assertRoundTrip(packets);
        }
        case 1 -> {
          EnginePacket packet = EngineCodec.decodeTextFrame(input);
          if (packet.isBinary()) {
            assertRoundTrip(List.of(packet));
          } else {
            // a WebSocket frame may hold the record separator, so it goes back as a frame
            assertThat(EngineCodec.decodeTextFrame(EngineCodec.encodeText(packet)))
                .isEqualTo(packet);
          }
        }
        default -> {
          byte[] bytes = Arrays.copyOfRange(data, 1, data.length);
          EnginePacket packet = EngineCodec.decodeBinaryFrame(bytes);
          assertThat(packet.binary()).isEqualTo(bytes);
          assertRoundTrip(List.of(packet));
        }
      }
    } catch (ProtocolException expected) {
      // the protocol's own error: the transport closes the session
    }
  }

  private static void assertRoundTrip(List<EnginePacket> packets) throws ProtocolException {
    List<EnginePacket> again =
        EngineCodec.decodePayload(EngineCodec.encodePayload(packets), packets.size());
    assertThat(again).hasSameSizeAs(packets);
    for (int i = 0; i < packets.size(); i++) {
      EnginePacket a = packets.get(i);
      EnginePacket b = again.get(i);
      assertThat(b.type()).isEqualTo(a.type());
      assertThat(b.text()).isEqualTo(a.text());
      assertThat(b.binary()).isEqualTo(a.binary());
    }
  }
}
