package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EnginePacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target for the Socket.IO decoders (issue 14): the JSON decoder with attachment reassembly,
 * and the msgpack parser's decoder, fed a sequence of frames as one connection would.
 *
 * <p>Input layout (so that corpus files can be written by hand): the first byte picks the parser
 * ({@code m} msgpack, anything else JSON); the rest is frames separated by {@code 0x1f}, each
 * starting with {@code t} (a text frame, UTF-8) or any other byte (a binary frame, the bytes after
 * it).
 *
 * <p>Invariants: only {@link ProtocolException} escapes; after one the decoder awaits nothing; no
 * packet holds more attachments than {@code maxAttachments}; every decoded packet encodes to frames
 * that a fresh decoder turns back into an equal packet (with JSON, non-finite numbers come back as
 * null, as {@code JSON.stringify} writes them).
 */
public class SocketDecoderFuzzTest {
  private static final int MAX_ATTACHMENTS = 4;
  private static final SocketIoParser JSON =
      SocketIoParser.builder().maxAttachments(MAX_ATTACHMENTS).build();
  private static final SocketIoParser MSGPACK = SocketIoParser.msgpack();

  @FuzzTest(maxDuration = "10m")
  void decodersOnlyThrowProtocolExceptions(byte[] input) throws ProtocolException {
    check(input);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] input) throws ProtocolException {
    check(input);
  }

  private static void check(byte[] input) throws ProtocolException {
    if (input.length == 0) return;
    SocketIoParser parser = input[0] == 'm' ? MSGPACK : JSON;
    PacketDecoder decoder = parser.newDecoder();
    for (byte[] frame : frames(input)) {
      SocketPacket packet;
      try {
        packet = decode(decoder, frame);
      } catch (ProtocolException expected) {
        assertThat(decoder.awaitingAttachments()).isFalse();
        continue;
      }
      if (packet == null) continue;
      assertThat(decoder.awaitingAttachments()).isFalse();
      assertThat(binaryNodes(packet.data())).isLessThanOrEqualTo(MAX_ATTACHMENTS);
      assertThat(roundTrip(parser, packet)).isEqualTo(parser == JSON ? asJsWrites(packet) : packet);
    }
  }

  private static SocketPacket decode(PacketDecoder decoder, byte[] frame) throws ProtocolException {
    if (frame.length > 0 && frame[0] == 't') {
      return decoder.decodeText(new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8));
    }
    return decoder.decodeBinary(
        frame.length == 0 ? frame : Arrays.copyOfRange(frame, 1, frame.length));
  }

  private static SocketPacket roundTrip(SocketIoParser parser, SocketPacket packet)
      throws ProtocolException {
    PacketDecoder fresh = parser.newDecoder();
    SocketPacket out = null;
    for (EnginePacket frame : parser.encoder().encode(packet).frames()) {
      assertThat(out).as("a packet before its last frame").isNull();
      out = frame.isBinary() ? fresh.decodeBinary(frame.binary()) : fresh.decodeText(frame.text());
    }
    return out;
  }

  /** The packet as JavaScript would write it back: NaN and ±Infinity become null. */
  private static SocketPacket asJsWrites(SocketPacket p) {
    JsonNode data = p.data() == null ? null : finiteOrNull(p.data().deepCopy());
    return new SocketPacket(p.type(), p.namespace(), p.ackId(), data);
  }

  private static JsonNode finiteOrNull(JsonNode node) {
    if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      return NullNode.getInstance();
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) a.set(i, finiteOrNull(a.get(i)));
    } else if (node instanceof ObjectNode o) {
      o.properties().forEach(e -> e.setValue(finiteOrNull(e.getValue())));
    }
    return node;
  }

  private static int binaryNodes(JsonNode node) {
    if (node == null) return 0;
    if (node.isBinary()) return 1;
    int n = 0;
    for (JsonNode child : node) n += binaryNodes(child);
    return n;
  }

  private static List<byte[]> frames(byte[] input) {
    List<byte[]> out = new ArrayList<>();
    int start = 1;
    for (int i = 1; i <= input.length; i++) {
      if (i == input.length || input[i] == 0x1f) {
        out.add(Arrays.copyOfRange(input, start, i));
        start = i + 1;
      }
    }
    return out;
  }
}
