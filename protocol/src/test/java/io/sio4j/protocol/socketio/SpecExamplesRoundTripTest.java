package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.protocol.engineio.EnginePacket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every packet shape of the Socket.IO v5 spec, decoded and encoded back to the same frames. */
class SpecExamplesRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] B1234 = {1, 2, 3, 4};
  private static final byte[] B56 = {5, 6};

  static Stream<Arguments> canonical() {
    return Stream.of(
        row("0", SocketPacketType.CONNECT, "/", -1, null),
        row(
            "0/admin,{\"token\":\"123\"}",
            SocketPacketType.CONNECT,
            "/admin",
            -1,
            "{\"token\":\"123\"}"),
        row(
            "0{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}",
            SocketPacketType.CONNECT,
            "/",
            -1,
            "{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}"),
        row("0/admin,", SocketPacketType.CONNECT, "/admin", -1, null),
        row("1", SocketPacketType.DISCONNECT, "/", -1, null),
        row("1/admin,", SocketPacketType.DISCONNECT, "/admin", -1, null),
        row("2[\"foo\"]", SocketPacketType.EVENT, "/", -1, "[\"foo\"]"),
        row("2/admin,[\"bar\"]", SocketPacketType.EVENT, "/admin", -1, "[\"bar\"]"),
        row("212[\"foo\"]", SocketPacketType.EVENT, "/", 12, "[\"foo\"]"),
        row(
            "2[1,\"numeric event name\"]",
            SocketPacketType.EVENT,
            "/",
            -1,
            "[1,\"numeric event name\"]"),
        row(
            "2456[\"message-with-ack\",1,\"2\",{\"3\":[false]},null]",
            SocketPacketType.EVENT,
            "/",
            456,
            "[\"message-with-ack\",1,\"2\",{\"3\":[false]},null]"),
        row(
            "2/a/b-c_d.é,0[\"x\",\"ünï€ode\"]",
            SocketPacketType.EVENT,
            "/a/b-c_d.é",
            0,
            "[\"x\",\"ünï€ode\"]"),
        row("3/admin,13[\"bar\"]", SocketPacketType.ACK, "/admin", 13, "[\"bar\"]"),
        row("30[]", SocketPacketType.ACK, "/", 0, "[]"),
        row(
            "4{\"message\":\"Not authorized\"}",
            SocketPacketType.CONNECT_ERROR,
            "/",
            -1,
            "{\"message\":\"Not authorized\"}"),
        row(
            "4/random,{\"message\":\"Invalid namespace\",\"data\":{\"code\":7}}",
            SocketPacketType.CONNECT_ERROR,
            "/random",
            -1,
            "{\"message\":\"Invalid namespace\",\"data\":{\"code\":7}}"),
        row("4\"Not authorized\"", SocketPacketType.CONNECT_ERROR, "/", -1, "\"Not authorized\""),
        row(
            "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]",
            SocketPacketType.BINARY_EVENT,
            "/",
            -1,
            "[\"baz\",\"$0\"]",
            B1234),
        row(
            "61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]",
            SocketPacketType.BINARY_ACK,
            "/",
            15,
            "[\"bar\",\"$0\"]",
            B1234),
        row(
            "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"k\":{\"_placeholder\":true,\"num\":1}}]",
            SocketPacketType.BINARY_EVENT,
            "/admin",
            -1,
            "[\"baz\",\"$0\",{\"k\":\"$1\"}]",
            B1234,
            B56),
        row(
            "62-/admin,789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
            SocketPacketType.BINARY_ACK,
            "/admin",
            789,
            "[\"$0\",\"$1\"]",
            B1234,
            B56));
  }

  /** Accepted by the official decoder though no encoder writes them. */
  static Stream<Arguments> decodeOnly() {
    return Stream.of(
        row("0/custom", SocketPacketType.CONNECT, "/custom", -1, null),
        row("1/custom", SocketPacketType.DISCONNECT, "/custom", -1, null),
        row("2/custom,[\"a\"]", SocketPacketType.EVENT, "/custom", -1, "[\"a\"]"),
        row("2[ \"spaced\" , 1 ]", SocketPacketType.EVENT, "/", -1, "[\"spaced\",1]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("canonical")
  void decodesAndEncodesBackToTheSameFrames(
      String text, SocketPacketType type, String nsp, long ackId, String json, byte[][] binaries)
      throws Exception {
    SocketPacket expected = packet(type, nsp, ackId, json, binaries);
    assertThat(decode(text, binaries)).isEqualTo(expected);

    EncodedPacket encoded = SocketIoParser.json().encoder().encode(expected);
    assertThat(encoded.text()).isEqualTo(text);
    assertThat(encoded.attachmentCount()).isEqualTo(binaries.length);
    for (int i = 0; i < binaries.length; i++) {
      EnginePacket frame = encoded.frames().get(i + 1);
      assertThat(frame.isBinary()).isTrue();
      assertThat(frame.binary()).containsExactly(binaries[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodeOnly")
  void decodesLenientForms(
      String text, SocketPacketType type, String nsp, long ackId, String json, byte[][] binaries)
      throws Exception {
    assertThat(decode(text, binaries)).isEqualTo(packet(type, nsp, ackId, json, binaries));
  }

  private static SocketPacket decode(String text, byte[][] binaries) throws ProtocolException {
    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    SocketPacket p = decoder.decodeText(text);
    for (int i = 0; i < binaries.length; i++) {
      assertThat(p).as("complete before attachment %d", i).isNull();
      assertThat(decoder.awaitingAttachments()).isTrue();
      p = decoder.decodeBinary(binaries[i]);
    }
    assertThat(decoder.awaitingAttachments()).isFalse();
    return p;
  }

  private static Arguments row(
      String text, SocketPacketType type, String nsp, long ackId, String json, byte[]... bins) {
    return Arguments.of(text, type, nsp, ackId, json, bins);
  }

  /** Builds the expected tree; the strings "$N" stand for attachment N. */
  static SocketPacket packet(
      SocketPacketType type, String nsp, long ackId, String json, byte[][] binaries)
      throws Exception {
    JsonNode data = json == null ? null : JSON.readTree(json);
    if (data != null) data = substitute(data, binaries);
    return new SocketPacket(type, nsp, ackId, data);
  }

  private static JsonNode substitute(JsonNode node, byte[][] binaries) {
    if (node.isTextual() && node.textValue().matches("\\$\\d")) {
      return BinaryNode.valueOf(binaries[node.textValue().charAt(1) - '0']);
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(n -> items.add(substitute(n, binaries)));
      ArrayNode a = JSON.createArrayNode();
      a.addAll(items);
      return a;
    }
    if (node.isObject()) {
      var o = JSON.createObjectNode();
      node.properties().forEach(e -> o.set(e.getKey(), substitute(e.getValue(), binaries)));
      return o;
    }
    return node;
  }
}
