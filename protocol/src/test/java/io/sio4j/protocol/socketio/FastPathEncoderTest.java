package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.sio4j.protocol.event.JsonBinding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** encodeEvent/encodeAck write Java values straight to the wire, binary as attachments. */
class FastPathEncoderTest {
  private static final PacketEncoder ENCODER = SocketIoParser.json().encoder();

  record Photo(String name, byte[] data, List<ByteBuffer> thumbs) {}

  @Test
  void plainValuesGiveAPlainEvent() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", List.of(true, "x"));
    EncodedPacket p = ENCODER.encodeEvent("/", -1, "hello", "world", 42, null, map);
    assertThat(p.text()).isEqualTo("2[\"hello\",\"world\",42,null,{\"a\":1,\"b\":[true,\"x\"]}]");
    assertThat(p.attachmentCount()).isZero();
  }

  @Test
  void namespaceAndAckIdAreWritten() {
    assertThat(ENCODER.encodeEvent("/admin", 12, "x").text()).isEqualTo("2/admin,12[\"x\"]");
    assertThat(ENCODER.encodeAck("/admin", 13, "bar").text()).isEqualTo("3/admin,13[\"bar\"]");
    assertThat(ENCODER.encodeAck(null, 0).text()).isEqualTo("30[]");
  }

  @Test
  void bytesAnywhereBecomeAttachmentsInOrder() throws Exception {
    byte[] data = {1, 2, 3};
    ByteBuffer heap = ByteBuffer.wrap(new byte[] {9, 8, 7, 6}, 1, 2);
    ByteBuffer direct = ByteBuffer.allocateDirect(2).put(new byte[] {5, 4}).flip();
    EncodedPacket p =
        ENCODER.encodeEvent("/", 5, "photo", new Photo("cat", data, List.of(heap, direct)));

    assertThat(p.text())
        .isEqualTo(
            "53-5[\"photo\",{\"name\":\"cat\",\"data\":{\"_placeholder\":true,\"num\":0},"
                + "\"thumbs\":[{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":2}]}]");
    assertThat(p.frames().get(1).binary()).containsExactly(1, 2, 3);
    assertThat(p.frames().get(2).binary()).containsExactly(8, 7);
    assertThat(p.frames().get(3).binary()).containsExactly(5, 4);
    assertThat(heap.position()).as("buffer position untouched").isEqualTo(1);
    assertThat(direct.position()).isZero();

    PacketDecoder decoder = SocketIoParser.json().newDecoder();
    assertThat(decoder.decodeText(p.text())).isNull();
    decoder.decodeBinary(p.frames().get(1).binary());
    decoder.decodeBinary(p.frames().get(2).binary());
    SocketPacket back = decoder.decodeBinary(p.frames().get(3).binary());
    assertThat(back.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
    assertThat(back.data().get(1).get("data")).isEqualTo(BinaryNode.valueOf(data));
  }

  @Test
  void topLevelBytesAndBinaryAckAndTreeArgs() {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.set("bin", BinaryNode.valueOf(new byte[] {7}));
    EncodedPacket p = ENCODER.encodeAck("/", 15, new byte[] {1}, tree);
    assertThat(p.text())
        .isEqualTo(
            "62-15[{\"_placeholder\":true,\"num\":0},{\"bin\":{\"_placeholder\":true,\"num\":1}}]");
    assertThat(p.frames().get(2).binary()).containsExactly(7);
  }

  @Test
  void treeEncoderSwitchesTypesBothWays() {
    SocketPacket withBinary = SocketPacket.event("/", -1, "x", BinaryNode.valueOf(new byte[] {1}));
    assertThat(ENCODER.encode(withBinary).text()).startsWith("51-[");
    SocketPacket declaredBinaryWithout =
        new SocketPacket(
            SocketPacketType.BINARY_EVENT, "/", -1, SocketPacket.event("/", -1, "x").data());
    assertThat(ENCODER.encode(declaredBinaryWithout).text()).isEqualTo("2[\"x\"]");
  }

  @Test
  void stringsStillGoThroughAMapperThatWritesThemItsOwnWay() {
    // Strings skip Jackson's serializer lookup only when the mapper would write them plainly
    SimpleModule shout = new SimpleModule("shout");
    shout.addSerializer(
        String.class,
        new StdSerializer<String>(String.class) {
          @Override
          public void serialize(String value, JsonGenerator g, SerializerProvider provider)
              throws IOException {
            g.writeString(value.toUpperCase(Locale.ROOT));
          }
        });
    ObjectMapper custom = JsonBinding.newDefaultMapper().registerModule(shout);
    PacketEncoder encoder = SocketIoParser.builder().mapper(custom).build().encoder();
    assertThat(encoder.encodeEvent("/", -1, "hello", "world").text())
        .isEqualTo("2[\"hello\",\"WORLD\"]");
    // and the default mapper writes them exactly as Jackson's own serializer does
    assertThat(ENCODER.encodeAck("/", 7, "a\"b\u00e9\n\u2028").text())
        .isEqualTo("37[\"a\\\"b\u00e9\\n\u2028\"]");
  }

  @Test
  void unserialisableArgumentIsAnIllegalArgument() {
    Object selfReferencing =
        new Object() {
          public Object getSelf() {
            return this;
          }
        };
    assertThatThrownBy(() -> ENCODER.encodeEvent("/", -1, "x", selfReferencing))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ENCODER.encodeAck("/", -1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ENCODER.encodeEvent("admin", -1, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void factoriesBuildTheCommonPackets() {
    assertThat(ENCODER.encode(SocketPacket.connect("/", null)).text()).isEqualTo("0");
    assertThat(ENCODER.encode(SocketPacket.connectError("/x", "Not authorized", null)).text())
        .isEqualTo("4/x,{\"message\":\"Not authorized\"}");
    assertThat(ENCODER.encode(SocketPacket.disconnect("/x")).text()).isEqualTo("1/x,");
    assertThat(ENCODER.encode(SocketPacket.ack("/", 3, List.of())).text()).isEqualTo("33[]");
  }
}
