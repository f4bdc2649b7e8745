package io.sio4j.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per bug the Jazzer targets found (issue 14), named after it; the input that found it is
 * also in the target's corpus, so both the regression run and this test keep it fixed.
 */
class FuzzFindingsTest {

  /** SocketDecoderFuzzTestInputs/.../big-numbers: {@code 1e400} went back as "Infinity". */
  @Test
  void nonFiniteNumbersAreWrittenAsNullLikeJsonStringify() throws Exception {
    SocketIoParser parser = SocketIoParser.json();
    SocketPacket in = parser.newDecoder().decodeText("2[\"n\",1e400,-1e400]");
    assertThat(in.data().get(1).doubleValue()).isInfinite();

    assertThat(parser.encoder().encode(in).text()).isEqualTo("2[\"n\",null,null]");
    var args = JsonNodeFactory.instance.arrayNode().add("n").add(DoubleNode.valueOf(Double.NaN));
    assertThat(parser.encoder().encode(SocketPacket.event("/", -1, "n", args.get(1))).text())
        .isEqualTo("2[\"n\",null]");
    assertThat(
            parser.encoder().encodeEvent("/", -1, "n", Double.NaN, Float.POSITIVE_INFINITY).text())
        .isEqualTo("2[\"n\",null,null]");
  }

  /**
   * SocketDecoderFuzzTestInputs/.../infinite-event-name (the campaign's crash file): {@code
   * 2[1e400]} was accepted as an event named by a number, and went back as {@code 2[null]}, which
   * no decoder accepts.
   */
  @Test
  void nonFiniteEventNamesAreRefused() throws Exception {
    for (String bad : List.of("2[1e400]", "2/chat,[-1e400,1]", "21[1e999,\"x\"]")) {
      assertThatThrownBy(() -> SocketIoParser.json().newDecoder().decodeText(bad))
          .isInstanceOf(ProtocolException.class);
    }
    assertThat(SocketIoParser.json().newDecoder().decodeText("2[7,\"x\"]").eventName())
        .isEqualTo("7");
  }
}
