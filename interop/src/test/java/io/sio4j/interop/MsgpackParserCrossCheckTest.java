package io.sio4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.socketio.SocketPacket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SocketIoParser#msgpack()} against npm socket.io-msgpack-parser 3.0 (notepack.io): the same
 * packets both ways, binary inline, the browser's ArrayBuffer form, and the same refusals.
 */
class MsgpackParserCrossCheckTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final SocketIoParser PARSER = SocketIoParser.msgpack();
  private static ParserPeer node;

  @BeforeAll
  static void startNode() {
    node = new ParserPeer("msgpack", PARSER);
  }

  @AfterAll
  static void stopNode() {
    if (node != null) node.close();
  }

  @Test
  void nodeEncodesAndWeDecode() throws Exception {
    for (SocketPacket packet : ParserPeer.samples()) {
      JsonNode answer = node.call("encode", "packet", ParserPeer.toNodePacket(packet));
      assertThat(answer.path("type").asText()).as("node encodes %s", packet).isEqualTo("encoded");
      assertThat(answer.get("frames")).hasSize(1);
      ParserPeer.assertSamePacket(node.decodeFrames(answer.get("frames")), packet);
    }
  }

  @Test
  void weEncodeAndNodeDecodes() {
    for (SocketPacket packet : ParserPeer.samples()) {
      EncodedPacket encoded = PARSER.encoder().encode(packet);
      JsonNode answer = node.call("decode", "frames", ParserPeer.toNodeFrames(encoded));
      assertThat(answer.path("type").asText()).as("node decodes %s", answer).isEqualTo("decoded");
      ParserPeer.assertSamePacket(ParserPeer.fromNodePacket(answer.get("packet")), packet);
    }
  }

  @Test
  void browserArrayBuffersArriveAsBinary() throws Exception {
    ArrayNode data = F.arrayNode().add("upload");
    data.addObject().put("$ab", "AQID");
    ObjectNode packet = F.objectNode().put("type", 2).put("nsp", "/");
    packet.set("data", data);
    JsonNode answer = node.call("encode", "packet", packet);
    SocketPacket decoded = node.decodeFrames(answer.get("frames"));
    assertThat(decoded.data().get(1)).isEqualTo(BinaryNode.valueOf(new byte[] {1, 2, 3}));
  }

  @Test
  void fastPathOutputIsReadByNode() {
    EncodedPacket encoded =
        PARSER.encoder().encodeEvent("/chat", 9, "photo", Map.of("img", new byte[] {1, 2}), "x");
    JsonNode answer = node.call("decode", "frames", ParserPeer.toNodeFrames(encoded));
    assertThat(answer.path("packet").toString())
        .isEqualTo(
            "{\"type\":2,\"nsp\":\"/chat\",\"id\":9,\"data\":[\"photo\",{\"img\":{\"$bin\":\"AQI=\"}},\"x\"]}");
  }

  @Test
  void bothRefuseInvalidPackets() {
    for (String base64 :
        List.of(
            "gqR0eXBlBaNuc3ChLw==", // {type: 5, nsp: "/"}
            "gaR0eXBlAA==", // {type: 0} without nsp
            "g6R0eXBlAaRkYXRhgKNuc3ChLw==", // DISCONNECT with data {}
            "g6R0eXBlAKRkYXRhkKNuc3ChLw==")) { // CONNECT with data []
      ArrayNode frames = F.arrayNode();
      frames.addObject().put("bin", base64);
      assertThat(node.call("decode", "frames", frames).path("type").asText())
          .as("node refuses %s", base64)
          .isEqualTo("rejected");
      assertThat(refusedByUs(base64)).as("we refuse %s", base64).isTrue();
    }
  }

  private static boolean refusedByUs(String base64) {
    try {
      PARSER.newDecoder().decodeBinary(java.util.Base64.getDecoder().decode(base64));
      return false;
    } catch (io.sio4j.protocol.ProtocolException e) {
      return true;
    }
  }
}
