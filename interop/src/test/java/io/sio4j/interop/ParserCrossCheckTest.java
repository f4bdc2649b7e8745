package io.sio4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.socketio.EncodedPacket;
import io.sio4j.protocol.socketio.PacketDecoder;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.socketio.SocketPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private static final SocketIoParser PARSER = SocketIoParser.json();
  private static ParserPeer node;

  @BeforeAll
  static void startNode() {
    node = new ParserPeer("json", PARSER);
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
      SocketPacket decoded = node.decodeFrames(answer.get("frames"));
      ParserPeer.assertSamePacket(decoded, packet);
    }
  }

  @Test
  void weEncodeAndNodeDecodes() throws Exception {
    for (SocketPacket packet : ParserPeer.samples()) {
      EncodedPacket encoded = PARSER.encoder().encode(packet);
      JsonNode answer = node.call("decode", "frames", ParserPeer.toNodeFrames(encoded));
      assertThat(answer.path("type").asText())
          .as("node decodes %s: %s", encoded.text(), answer)
          .isEqualTo("decoded");
      ParserPeer.assertSamePacket(ParserPeer.fromNodePacket(answer.get("packet")), packet);
    }
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
      JsonNode answer = node.call("decode", "frames", frames);
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
}
