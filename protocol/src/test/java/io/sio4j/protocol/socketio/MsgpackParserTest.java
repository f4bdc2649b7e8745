package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The socket.io-msgpack-parser format: one binary frame per packet. */
class MsgpackParserTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SocketIoParser PARSER = SocketIoParser.msgpack();
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void bytesAreWhatNotepackWrites() {
    // notepack.encode({type: 2, data: ["a"], nsp: "/"})
    EncodedPacket p = PARSER.encoder().encode(SocketPacket.event("/", -1, "a"));
    assertThat(p.frames()).hasSize(1);
    assertThat(p.text()).isNull();
    assertThat(HEX.formatHex(p.frames().get(0).binary()))
        .isEqualTo("83a47479706502a46461746191a161a36e7370a12f");
  }

  @Test
  void fastPathCarriesBinaryInline() throws Exception {
    EncodedPacket p =
        PARSER.encoder().encodeEvent("/chat", 7, "file", Map.of("data", new byte[] {1, 2}), 3.5);
    assertThat(p.frames()).hasSize(1);
    SocketPacket back = PARSER.newDecoder().decodeBinary(p.frames().get(0).binary());
    assertThat(back.type()).isEqualTo(SocketPacketType.EVENT);
    assertThat(back.namespace()).isEqualTo("/chat");
    assertThat(back.ackId()).isEqualTo(7);
    assertThat(back.data().get(1).get("data")).isEqualTo(BinaryNode.valueOf(new byte[] {1, 2}));
    assertThat(back.data().get(2).doubleValue()).isEqualTo(3.5);
    SocketPacket ack =
        PARSER
            .newDecoder()
            .decodeBinary(PARSER.encoder().encodeAck("/", 4, "ok").frames().get(0).binary());
    assertThat(ack).isEqualTo(SocketPacket.ack("/", 4, List.of(F.textNode("ok"))));
  }

  static LongStream seeds() {
    return LongStream.range(0, 100).map(i -> 0x3A9_0000L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTreesRoundTrip(long seed) throws Exception {
    Random r = new Random(seed);
    ArrayNode args = F.arrayNode();
    args.add("ev" + r.nextInt(100));
    for (int i = r.nextInt(5); i > 0; i--) args.add(value(r, 0));
    SocketPacket packet =
        new SocketPacket(
            SocketPacketType.EVENT,
            r.nextBoolean() ? "/" : "/n" + r.nextInt(9),
            r.nextBoolean() ? -1 : r.nextInt(1 << 30),
            args);
    byte[] bytes = PARSER.encoder().encode(packet).frames().get(0).binary();
    assertThat(PARSER.newDecoder().decodeBinary(bytes)).isEqualTo(packet);
  }

  @Test
  void otherPacketTypesRoundTrip() throws Exception {
    ObjectNode auth = F.objectNode().put("token", "123");
    for (SocketPacket p :
        List.of(
            SocketPacket.connect("/", null),
            SocketPacket.connect("/admin", auth),
            SocketPacket.disconnect("/admin"),
            SocketPacket.connectError("/", "Not authorized", F.objectNode().put("code", 1)),
            new SocketPacket(SocketPacketType.CONNECT_ERROR, "/", -1, F.textNode("plain")))) {
      byte[] bytes = PARSER.encoder().encode(p).frames().get(0).binary();
      assertThat(PARSER.newDecoder().decodeBinary(bytes)).isEqualTo(p);
    }
  }

  @Test
  void browserDialectIsUnderstood() throws Exception {
    // {type:2, data:["x", <ArrayBuffer 01 02> (ext8 type 0), undefined, {u: undefined, d: <Date
    // 0>}], nsp:"/"}
    String hex =
        "83a47479706502a46461746194"
            + "a178"
            + "c70200"
            + "0102"
            + "d40000"
            + "82a175d40000a164d7000000000000000000"
            + "a36e7370a12f";
    SocketPacket p = PARSER.newDecoder().decodeBinary(HEX.parseHex(hex));
    assertThat(p.data().get(1)).isEqualTo(BinaryNode.valueOf(new byte[] {1, 2}));
    assertThat(p.data().get(2).isNull()).isTrue();
    assertThat(p.data().get(3)).isEqualTo(JSON.readTree("{\"d\":\"1970-01-01T00:00:00.000Z\"}"));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("empty", ""),
        Arguments.of("not a map", "93010203"),
        Arguments.of("type 5", "82a47479706505a36e7370a12f"),
        Arguments.of("type string", "82a474797065a132a36e7370a12f"),
        Arguments.of("no namespace", "81a47479706500"),
        Arguments.of("namespace without slash", "82a47479706500a36e7370a161"),
        Arguments.of("event without data", "82a47479706502a36e7370a12f"),
        Arguments.of(
            "event reserved name", "83a47479706502a46461746191a7636f6e6e656374a36e7370a12f"),
        Arguments.of("event name boolean", "83a47479706502a46461746191c3a36e7370a12f"),
        Arguments.of("ack without id", "83a47479706503a46461746190a36e7370a12f"),
        Arguments.of("negative id", "84a47479706503a46461746190a36e7370a12fa26964ff"),
        Arguments.of("disconnect with data", "83a47479706501a46461746180a36e7370a12f"),
        Arguments.of("connect with array", "83a47479706500a46461746190a36e7370a12f"),
        Arguments.of(
            "array announcing 4 billion items", "83a47479706502a464617461ddffffffffa36e7370a12f"),
        Arguments.of("string announcing 4 GB", "81dbffffffff"),
        Arguments.of("binary announcing 4 GB", "81a174c6ffffffff"),
        Arguments.of("map announcing 4 billion entries", "dfffffffff"),
        Arguments.of("non-string key", "8101c0"),
        Arguments.of("unknown extension", "81a174d40500"),
        Arguments.of("reserved byte", "c1"),
        Arguments.of("truncated", "83a47479706502a464617461"),
        Arguments.of("trailing bytes", "82a47479706500a36e7370a12fc0"),
        Arguments.of("deep nesting", "83a47479706502a464617461" + "91".repeat(2000) + "c0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedPacketsAreProtocolErrors(String name, String hex) {
    assertThatThrownBy(() -> PARSER.newDecoder().decodeBinary(HEX.parseHex(hex)))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void textFramesAreRefused() {
    assertThatThrownBy(() -> PARSER.newDecoder().decodeText("2[\"a\"]"))
        .isInstanceOf(ProtocolException.class);
  }

  private static JsonNode value(Random r, int depth) {
    switch (r.nextInt(depth > 2 ? 7 : 9)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.booleanNode(r.nextBoolean());
      case 2:
        return F.numberNode(r.nextInt());
      case 3:
        return F.numberNode(r.nextLong());
      case 4:
        return F.numberNode(r.nextDouble() - 0.5);
      case 5:
        return F.textNode("s\u00e9\ud83d\ude00" + r.nextInt());
      case 6:
        byte[] b = new byte[r.nextInt(300)];
        r.nextBytes(b);
        return F.binaryNode(b);
      case 7:
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) a.add(value(r, depth + 1));
        return a;
      default:
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) o.set("k" + i, value(r, depth + 1));
        return o;
    }
  }
}
