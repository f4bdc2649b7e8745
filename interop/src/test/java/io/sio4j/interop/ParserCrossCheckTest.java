package io.sio4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.PacketDecoder;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.socketio.SocketPacket;
import io.sio4j.protocol.socketio.SocketPacketType;
import io.sio4j.testkit.NodeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our codec against npm socket.io-parser (interop/node/parser-codec.mjs): packets encoded by one
 * decode to the same packet with the other, both ways, and both refuse the same bad input (apart
 * from the listed cases where we are deliberately stricter).
 */
class ParserCrossCheckTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final SocketIoParser PARSER = SocketIoParser.json();

  private static NodeProcess node;
  private static int nextId;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.start("parser-codec.mjs");
    node.await("ready", TIMEOUT);
  }

  @AfterAll
  static void stopNode() {
    if (node != null) node.close();
  }

  @Test
  void nodeEncodesAndWeDecode() throws Exception {
    for (SocketPacket packet : samples()) {
      JsonNode answer = call("encode", "packet", toNodePacket(packet));
      assertThat(answer.path("type").asText()).as("node encodes %s", packet).isEqualTo("encoded");
      SocketPacket decoded = decodeFrames(answer.get("frames"));
      assertSamePacket(decoded, packet);
    }
  }

  @Test
  void weEncodeAndNodeDecodes() throws Exception {
    for (SocketPacket packet : samples()) {
      EncodedPacket encoded = PARSER.encoder().encode(packet);
      JsonNode answer = call("decode", "frames", toNodeFrames(encoded));
      assertThat(answer.path("type").asText())
          .as("node decodes %s: %s", encoded.text(), answer)
          .isEqualTo("decoded");
      assertSamePacket(fromNodePacket(answer.get("packet")), packet);
    }
  }

  @Test
  void fastPathOutputIsReadByNode() {
    EncodedPacket encoded =
        PARSER.encoder().encodeEvent("/chat", 9, "photo", Map.of("img", new byte[] {1, 2}), "x");
    JsonNode answer = call("decode", "frames", toNodeFrames(encoded));
    assertThat(answer.path("packet").toString())
        .isEqualTo(
            "{\"type\":2,\"nsp\":\"/chat\",\"id\":9,\"data\":[\"photo\",{\"img\":{\"$bin\":\"AQI=\"}},\"x\"]}");
  }

  /** Where socket.io-parser 4.2.7 accepts input that we refuse, on purpose. */
  private static final Set<String> STRICTER_THAN_NODE =
      Set.of(
          "", // node reads an empty string as CONNECT "/"
          "2", // EVENT without payload: node skips validation when no payload is present
          "2/admin,",
          "31", // ACK without payload
          "3[\"a\"]", // ACK without an ack id
          "4", // CONNECT_ERROR without payload
          "52-[\"a\",{\"_placeholder\":true,\"num\":0}]", // fewer placeholders than announced
          "52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":0}]",
          "51-[\"a\",{\"num\":0}]", // announced attachment with no placeholder
          "2" + "1".repeat(40) + "[\"a\"]"); // ack id beyond 16 digits

  @Test
  void bothRefuseTheSameBadInput() {
    List<String> bad =
        List.of(
            "7[\"a\"]",
            "a",
            "5999999-[\"a\"]",
            "511-[\"a\"]",
            "50-[\"a\"]",
            "5-[\"a\"]",
            "51-[\"hello\",{\"_placeholder\":true,\"num\":\"splice\"}]",
            "51-[\"hello\",{\"_placeholder\":true,\"num\":1}]",
            "51-[\"hello\",{\"_placeholder\":true,\"num\":-1}]",
            "2[{\"toString\":\"foo\"}]",
            "2[true,\"foo\"]",
            "2[null,\"bar\"]",
            "2[]",
            "2{}",
            "2[\"connect\"]",
            "2[\"disconnect\",\"123\"]",
            "2[\"newListener\"]",
            "2abc[\"a\"]",
            "2[\"a\"]xyz",
            "31{}",
            "0[]",
            "0null",
            "1{}",
            "4[]");
    List<String> all = new ArrayList<>(bad);
    all.addAll(STRICTER_THAN_NODE);
    for (String text : all) {
      boolean weRefuse = refusedByUs(text);
      assertThat(weRefuse).as("we refuse %s", text).isTrue();
      ArrayNode frames = F.arrayNode();
      frames.addObject().put("text", text);
      boolean withAttachment = text.startsWith("5") && !text.startsWith("50-");
      if (withAttachment) frames.addObject().put("bin", "AQ==");
      JsonNode answer = call("decode", "frames", frames);
      String verdict = answer.path("type").asText();
      if (STRICTER_THAN_NODE.contains(text)) {
        assertThat(verdict)
            .as("node accepts %s (documented difference)", text)
            .isNotEqualTo("error");
      } else {
        assertThat(verdict).as("node refuses %s", text).isEqualTo("rejected");
      }
    }
  }

  private static boolean refusedByUs(String text) {
    PacketDecoder decoder = PARSER.newDecoder();
    try {
      decoder.decodeText(text);
      if (decoder.awaitingAttachments()) decoder.decodeBinary(new byte[] {1});
      return false;
    } catch (ProtocolException e) {
      return true;
    }
  }

  private static List<SocketPacket> samples() {
    List<SocketPacket> list = new ArrayList<>();
    ObjectNode auth = F.objectNode().put("token", "123");
    list.add(new SocketPacket(SocketPacketType.CONNECT, "/", -1, null));
    list.add(new SocketPacket(SocketPacketType.CONNECT, "/admin", -1, auth));
    list.add(SocketPacket.disconnect("/"));
    list.add(SocketPacket.disconnect("/admin"));
    list.add(SocketPacket.connectError("/x", "Not authorized", F.objectNode().put("code", 4)));
    list.add(new SocketPacket(SocketPacketType.CONNECT_ERROR, "/", -1, F.textNode("plain")));
    list.add(SocketPacket.event("/", -1, "foo"));
    list.add(SocketPacket.event("/admin", 12, "bar", F.numberNode(1), F.textNode("é€😀\n\"")));
    list.add(SocketPacket.ack("/admin", 13, List.of(F.textNode("bar"))));
    list.add(SocketPacket.ack("/", 0, List.of()));
    list.add(SocketPacket.event("/", -1, "bin", BinaryNode.valueOf(new byte[] {1, 2, 3, 4})));
    list.add(SocketPacket.ack("/a", 15, List.of(BinaryNode.valueOf(new byte[0]))));
    Random random = new Random(0xC0DEC);
    for (int i = 0; i < 60; i++) {
      int[] budget = {random.nextInt(4)};
      ArrayNode args = F.arrayNode();
      for (int n = random.nextInt(4); n > 0; n--) args.add(value(random, 0, budget));
      String nsp = random.nextBoolean() ? "/" : "/n" + random.nextInt(100);
      long ack = random.nextInt(3) == 0 ? -1 : random.nextInt(1_000_000);
      if (random.nextBoolean()) {
        list.add(
            SocketPacket.event(
                nsp, ack, "e" + i, args.isEmpty() ? new JsonNode[0] : toArray(args)));
      } else {
        list.add(SocketPacket.ack(nsp, Math.max(ack, 0), toList(args)));
      }
    }
    return list;
  }

  private static JsonNode value(Random r, int depth, int[] budget) {
    switch (r.nextInt(depth > 2 ? 6 : 8)) {
      case 0:
        return F.nullNode();
      case 1:
        return F.booleanNode(r.nextBoolean());
      case 2:
        return F.numberNode(r.nextInt());
      case 3:
        return F.numberNode(r.nextInt(1000) / 8.0 + 0.5);
      case 4:
        return F.textNode("s" + r.nextInt() + (r.nextBoolean() ? "ü\u2028\t" : ""));
      case 5:
        if (budget[0]-- <= 0) return F.textNode("none");
        byte[] b = new byte[r.nextInt(20)];
        r.nextBytes(b);
        return BinaryNode.valueOf(b);
      case 6:
        ArrayNode a = F.arrayNode();
        for (int i = r.nextInt(4); i > 0; i--) a.add(value(r, depth + 1, budget));
        return a;
      default:
        ObjectNode o = F.objectNode();
        for (int i = r.nextInt(4); i > 0; i--) o.set("k" + i, value(r, depth + 1, budget));
        return o;
    }
  }

  private static JsonNode[] toArray(ArrayNode a) {
    return toList(a).toArray(new JsonNode[0]);
  }

  private static List<JsonNode> toList(ArrayNode a) {
    List<JsonNode> l = new ArrayList<>();
    a.forEach(l::add);
    return l;
  }

  private static JsonNode call(String cmd, String field, JsonNode payload) {
    int id = ++nextId;
    ObjectNode c = F.objectNode().put("cmd", cmd).put("id", id);
    c.set(field, payload);
    node.send(c);
    return node.await(n -> n.path("id").asInt() == id, TIMEOUT);
  }

  private static SocketPacket decodeFrames(JsonNode frames) throws ProtocolException {
    PacketDecoder decoder = PARSER.newDecoder();
    SocketPacket result = null;
    for (JsonNode f : frames) {
      result =
          f.has("text")
              ? decoder.decodeText(f.get("text").asText())
              : decoder.decodeBinary(Base64.getDecoder().decode(f.get("bin").asText()));
    }
    return result;
  }

  private static ArrayNode toNodeFrames(EncodedPacket encoded) {
    ArrayNode frames = F.arrayNode();
    for (EnginePacket p : encoded.frames()) {
      if (p.isBinary())
        frames.addObject().put("bin", Base64.getEncoder().encodeToString(p.binary()));
      else frames.addObject().put("text", p.text());
    }
    return frames;
  }

  private static ObjectNode toNodePacket(SocketPacket p) {
    ObjectNode o = F.objectNode().put("type", p.type().id()).put("nsp", p.namespace());
    if (p.hasAckId()) o.put("id", p.ackId());
    if (p.data() != null) o.set("data", markBinary(p.data()));
    return o;
  }

  private static SocketPacket fromNodePacket(JsonNode p) {
    JsonNode data = p.has("data") ? reviveBinary(p.get("data")) : null;
    return new SocketPacket(
        SocketPacketType.fromId(p.get("type").asInt()),
        p.get("nsp").asText(),
        p.has("id") ? p.get("id").asLong() : -1,
        data);
  }

  private static JsonNode markBinary(JsonNode n) {
    if (n.isBinary())
      return F.objectNode().put("$bin", Base64.getEncoder().encodeToString(bytes(n)));
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(c -> a.add(markBinary(c)));
      return a;
    }
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      n.properties().forEach(e -> o.set(e.getKey(), markBinary(e.getValue())));
      return o;
    }
    return n;
  }

  private static JsonNode reviveBinary(JsonNode n) {
    if (n.isObject() && n.has("$bin"))
      return BinaryNode.valueOf(Base64.getDecoder().decode(n.get("$bin").asText()));
    if (n.isArray()) {
      ArrayNode a = F.arrayNode();
      n.forEach(c -> a.add(reviveBinary(c)));
      return a;
    }
    if (n.isObject()) {
      ObjectNode o = F.objectNode();
      n.properties().forEach(e -> o.set(e.getKey(), reviveBinary(e.getValue())));
      return o;
    }
    return n;
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return n.binaryValue();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Same packet, ignoring the binary/plain type variant and int/double number representations. */
  private static void assertSamePacket(SocketPacket actual, SocketPacket expected) {
    assertThat(actual).as("decoded %s", expected).isNotNull();
    assertThat(plain(actual.type())).isEqualTo(plain(expected.type()));
    assertThat(actual.namespace()).isEqualTo(expected.namespace());
    assertThat(actual.ackId()).isEqualTo(expected.ackId());
    if (expected.data() == null) {
      assertThat(actual.data()).isNull();
    } else {
      assertThat(actual.data().equals(NUMBERS_BY_VALUE, expected.data()))
          .as("data %s equals %s", actual.data(), expected.data())
          .isTrue();
    }
  }

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) return Double.compare(a.doubleValue(), b.doubleValue());
        return a.equals(b) ? 0 : 1;
      };

  private static SocketPacketType plain(SocketPacketType t) {
    if (t == SocketPacketType.BINARY_EVENT) return SocketPacketType.EVENT;
    if (t == SocketPacketType.BINARY_ACK) return SocketPacketType.ACK;
    return t;
  }
}
