package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** encodeConnect gives the frames of the CONNECT packet with the {sid, pid} tree, byte for byte. */
class ConnectReplyEncoderTest {

  static Stream<Arguments> replies() {
    return Stream.of(
        Arguments.of("/", "AbC-_0123456789xyzAB", null),
        Arguments.of(null, "AbC-_0123456789xyzAB", "pid-PID_0123456789ab"),
        Arguments.of("/admin", "sid", "pid"),
        Arguments.of("/admin?x", "/admin#abc", null),
        // characters the mapper escapes or may
        Arguments.of("/", "quote\"back\\slash", "tab\tnl\n"),
        Arguments.of("/", "\u0000\u001f", "\u007f\u00e9\u20ac\ud83d\ude00"),
        Arguments.of("/é", "", ""));
  }

  @ParameterizedTest
  @MethodSource("replies")
  void jsonEncoderWritesWhatTheTreeGives(String nsp, String sid, String pid) {
    assertSameAsTree(SocketIoParser.json().encoder(), nsp, sid, pid);
  }

  @ParameterizedTest
  @MethodSource("replies")
  void msgpackEncoderWritesWhatTheTreeGives(String nsp, String sid, String pid) {
    assertSameAsTree(SocketIoParser.msgpack().encoder(), nsp, sid, pid);
  }

  private static void assertSameAsTree(PacketEncoder encoder, String nsp, String sid, String pid) {
    ObjectNode tree = JsonNodeFactory.instance.objectNode().put("sid", sid);
    if (pid != null) tree.put("pid", pid);
    EncodedPacket expected = encoder.encode(SocketPacket.connect(nsp, tree));
    EncodedPacket actual = encoder.encodeConnect(nsp, sid, pid);
    assertThat(actual.frames()).hasSameSizeAs(expected.frames());
    for (int i = 0; i < expected.frames().size(); i++) {
      var e = expected.frames().get(i);
      var a = actual.frames().get(i);
      assertThat(a.isBinary()).isEqualTo(e.isBinary());
      if (e.isBinary()) assertThat(a.binary()).isEqualTo(e.binary());
      else assertThat(a.text()).isEqualTo(e.text());
    }
  }
}
