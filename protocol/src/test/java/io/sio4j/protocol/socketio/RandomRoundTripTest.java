package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.engineio.EnginePacket;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded random trees, binary included, survive encode then decode unchanged. */
class RandomRoundTripTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_ATTACHMENTS = 10;
  private static final SocketIoParser PARSER = SocketIoParser.json();

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x5EED_0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void treeSurvivesEncodeAndDecode(long seed) throws Exception {
    Random random = new Random(seed);
    int[] budget = {random.nextInt(MAX_ATTACHMENTS + 1)};
    // a comma ends the namespace on the wire (as in socket.io-parser), so names never hold one
    String nsp =
        random.nextBoolean() ? "/" : "/" + string(random, 1 + random.nextInt(8)).replace(",", "");
    long ackId = random.nextInt(3) == 0 ? -1 : random.nextInt(Integer.MAX_VALUE);
    boolean event = random.nextBoolean();

    ArrayNode args = F.arrayNode();
    if (event)
      args.add(random.nextBoolean() ? F.textNode("ev-" + string(random, 5)) : F.numberNode(7));
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) args.add(value(random, 0, budget));
    if (!event && ackId < 0) ackId = 1;
    SocketPacket original =
        new SocketPacket(event ? SocketPacketType.EVENT : SocketPacketType.ACK, nsp, ackId, args);

    EncodedPacket encoded = PARSER.encoder().encode(original);
    PacketDecoder decoder = PARSER.newDecoder();
    SocketPacket decoded = null;
    for (EnginePacket frame : encoded.frames()) {
      assertThat(decoded).as("complete before the last frame").isNull();
      decoded =
          frame.isBinary()
              ? decoder.decodeBinary(frame.binary())
              : decoder.decodeText(frame.text());
    }

    boolean binary = encoded.attachmentCount() > 0;
    SocketPacketType wire =
        event
            ? (binary ? SocketPacketType.BINARY_EVENT : SocketPacketType.EVENT)
            : (binary ? SocketPacketType.BINARY_ACK : SocketPacketType.ACK);
    assertThat(decoded).isEqualTo(new SocketPacket(wire, nsp, ackId, args));
  }

  private static JsonNode value(Random r, int depth, int[] budget) {
    int kind = r.nextInt(depth > 3 ? 7 : 9);
    switch (kind) {
      case 0:
        return F.nullNode();
      case 1:
        return F.booleanNode(r.nextBoolean());
      case 2:
        return F.numberNode(r.nextInt());
      case 3:
        return F.numberNode(r.nextLong() | 1L << 40);
      case 4:
        return F.numberNode(r.nextDouble() * 1e6);
      case 5:
        return F.textNode(string(r, r.nextInt(20)));
      case 6:
        if (budget[0] == 0) return F.textNode("no budget");
        budget[0]--;
        byte[] bytes = new byte[r.nextInt(64)];
        r.nextBytes(bytes);
        return BinaryNode.valueOf(bytes);
      case 7:
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) a.add(value(r, depth + 1, budget));
        return a;
      default:
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(4); i > 0; i--)
          o.set(string(r, 1 + r.nextInt(6)), value(r, depth + 1, budget));
        return o;
    }
  }

  /** Mixed ASCII, JSON specials, control characters, non-Latin and astral characters. */
  private static String string(Random r, int length) {
    String alphabet = "abcXYZ09 \"\\/\n\t\u0001\u00e9\u20ac\u4e2d,-[]{}";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (r.nextInt(20) == 0) sb.appendCodePoint(0x1F600 + r.nextInt(50));
      else sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
