package io.sio4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Node process running interop/node/parser-codec.mjs with one of the official parsers, plus the
 * conversions between our packets and the script's JSON (binary as {"$bin":base64}) shared by the
 * parser cross-check tests. Thread-safe enough for sequential tests.
 */
final class ParserPeer implements AutoCloseable {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final NodeProcess node;
  private final SocketIoParser parser;
  private final AtomicInteger nextId = new AtomicInteger();

  /** Starts the script; {@code nodeParser} is "json" or "msgpack", matching {@code parser}. */
  ParserPeer(String nodeParser, SocketIoParser parser) {
    this.parser = parser;
    this.node = NodeProcess.start("parser-codec.mjs", nodeParser);
    node.await("ready", TIMEOUT);
  }

  @Override
  public void close() {
    node.close();
  }

  static List<SocketPacket> samples() {
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

  JsonNode call(String cmd, String field, JsonNode payload) {
    int id = nextId.incrementAndGet();
    ObjectNode c = F.objectNode().put("cmd", cmd).put("id", id);
    c.set(field, payload);
    node.send(c);
    return node.await(n -> n.path("id").asInt() == id, TIMEOUT);
  }

  SocketPacket decodeFrames(JsonNode frames) throws ProtocolException {
    PacketDecoder decoder = parser.newDecoder();
    SocketPacket result = null;
    for (JsonNode f : frames) {
      result =
          f.has("text")
              ? decoder.decodeText(f.get("text").asText())
              : decoder.decodeBinary(Base64.getDecoder().decode(f.get("bin").asText()));
    }
    return result;
  }

  static ArrayNode toNodeFrames(EncodedPacket encoded) {
    ArrayNode frames = F.arrayNode();
    for (EnginePacket p : encoded.frames()) {
      if (p.isBinary())
        frames.addObject().put("bin", Base64.getEncoder().encodeToString(p.binary()));
      else frames.addObject().put("text", p.text());
    }
    return frames;
  }

  static ObjectNode toNodePacket(SocketPacket p) {
    ObjectNode o = F.objectNode().put("type", p.type().id()).put("nsp", p.namespace());
    if (p.hasAckId()) o.put("id", p.ackId());
    if (p.data() != null) o.set("data", markBinary(p.data()));
    return o;
  }

  static SocketPacket fromNodePacket(JsonNode p) {
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
  static void assertSamePacket(SocketPacket actual, SocketPacket expected) {
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
