package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.ProtocolException;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter's message framing (JSON or msgpack): round trips, notepack.io bytes, hostile input.
 */
class WireCodecTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void msgpackRoundTripKeepsBinaryNumbersAndNesting() throws Exception {
    ArrayNode msg = F.arrayNode().add("uid1");
    msg.addObject()
        .put("type", 2)
        .put("nsp", "/")
        .putArray("data")
        .add("ev")
        .add(new byte[] {9})
        .add(1.5)
        .add(-7L);
    msg.addObject().putArray("rooms").add("r");
    JsonNode back = Wire.decode(Wire.msgpack(msg));
    assertThat(back.toString()).isEqualTo(msg.toString());
    assertThat(back.get(1).get("data").get(1).binaryValue()).containsExactly(9);
  }

  @Test
  void readsNotepackUndefinedAsAbsentInMapsAndNullInArrays() throws Exception {
    // {"a": undefined, "b": [undefined]} as notepack.io writes it (fixext 1, type 0)
    byte[] bytes = hex("82a161d40000a16291d40000");
    assertThat(Wire.decode(bytes).toString()).isEqualTo("{\"b\":[null]}");
  }

  @Test
  void jsonWhenTheMessageStartsWithABrace() throws Exception {
    JsonNode n = Wire.decode("{\"type\":5,\"requestId\":\"x\"}".getBytes());
    assertThat(n.path("type").asInt()).isEqualTo(5);
    assertThat(new ObjectMapper().readTree(Wire.json(n))).isEqualTo(n);
  }

  @Test
  void announcedLengthsBeyondTheMessageAreRefusedBeforeAllocating() {
    for (String h :
        new String[] {"ddffffffff", "db7fffffff", "dfffffffff", "c6ffffffff", "c9ffffffff00"}) {
      assertThatThrownBy(() -> Wire.decode(hex(h))).as(h).isInstanceOf(ProtocolException.class);
    }
  }

  @Test
  void deepNestingIsRefused() {
    assertThatThrownBy(() -> Wire.decode(hex("91".repeat(10_000) + "c0")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("deep");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void randomBytesGiveAValueOrAnExceptionNeverAnError(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[1 + random.nextInt(64)];
      random.nextBytes(bytes);
      try {
        assertThat(Wire.decode(bytes)).isNotNull();
      } catch (IOException | ProtocolException | RuntimeException expected) {
        // dropped by the adapter
      }
    }
  }

  private static byte[] hex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
