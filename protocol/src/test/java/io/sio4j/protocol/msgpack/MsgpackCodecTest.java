package io.sio4j.protocol.msgpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared notepack.io codec: seeded random round trips, bytes as notepack writes them, and the
 * four points on which the parser's and the Redis adapter's former codecs disagreed (depth, large
 * integers, extension type 0, nodes with no MessagePack form).
 */
class MsgpackCodecTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();
  private static final MsgpackCodec CODEC = MsgpackCodec.defaults();

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0x5E_ED00L + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTreesRoundTrip(long seed) throws Exception {
    JsonNode tree = RandomTrees.value(new Random(seed), 0);
    assertThat(CODEC.decode(CODEC.encode(tree))).isEqualTo(tree);
  }

  @Test
  void bytesAreWhatNotepackWrites() throws Exception {
    // notepack.encode({s: "héllo", i: [0, -1, 127, 128, -33, 300, 70000, -70000, 2 ** 32],
    //                  f: 1.5, t: true, n: null, b: Buffer.from([9])})
    String hex =
        "86a173a668c3a96c6c6fa1699900ff7fcc80d0dfcd012cce00011170d2fffeee90cf0000000100000000"
            + "a166cb3ff8000000000000a174c3a16ec0a162c40109";
    ObjectNode tree = F.objectNode().put("s", "h\u00e9llo");
    ArrayNode ints = tree.putArray("i").add(0).add(-1).add(127).add(128).add(-33).add(300);
    ints.add(70000).add(-70000).add(1L << 32);
    tree.put("f", 1.5).put("t", true).putNull("n");
    tree.put("b", new byte[] {9});
    assertThat(HEX.formatHex(CODEC.encode(tree))).isEqualTo(hex);
    assertThat(CODEC.decode(HEX.parseHex(hex))).isEqualTo(tree);
  }

  // --- 1. depth: one configurable limit (default 500), on reading and writing

  @Test
  void defaultDepthIsReadExactlyAndOneMoreIsRefusedWithoutStackOverflow() throws Exception {
    int max = MsgpackCodec.DEFAULT_MAX_DEPTH;
    assertThat(max).isEqualTo(500);
    JsonNode deepest = CODEC.decode(nestedArrays(max));
    assertThat(CODEC.decode(CODEC.encode(deepest))).isEqualTo(deepest);
    assertThat(new ObjectMapper().writeValueAsString(deepest)).hasSize(2 * max + 4);
    assertThatThrownBy(() -> CODEC.decode(nestedArrays(max + 1)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("deeper than " + max);
    // the former adapter codec's limit (100) would refuse this; the former parser's (500) did not
    assertThat(CODEC.decode(nestedArrays(101))).isNotNull();
  }

  @Test
  void aLimitBeyondTheThreadStackIsStillAProtocolException() {
    MsgpackCodec deep = MsgpackCodec.builder().maxDepth(1_000_000).build();
    assertThatThrownBy(() -> deep.decode(nestedArrays(500_000)))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void depthIsConfigurableAndCountsMapsAndArrays() throws Exception {
    MsgpackCodec two = MsgpackCodec.builder().maxDepth(2).build();
    assertThat(two.decode(HEX.parseHex("81a16191c0"))).hasToString("{\"a\":[null]}");
    assertThatThrownBy(() -> two.decode(HEX.parseHex("81a1619190")))
        .isInstanceOf(ProtocolException.class);
    ArrayNode deep = F.arrayNode();
    deep.addArray().addArray();
    assertThatThrownBy(() -> two.encode(deep)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MsgpackCodec.builder().maxDepth(0).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTreeThatContainsItselfIsRefusedNotAStackOverflow() {
    ObjectNode loop = F.objectNode();
    loop.set("self", loop);
    assertThatThrownBy(() -> CODEC.encode(loop))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("deeper");
  }

  // --- 2. large integers: exact over the whole 64-bit range, float 64 beyond it

  @Test
  void integersAreExactOverTheWhole64BitRange() throws Exception {
    BigInteger maxUint64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (JsonNode n :
        new JsonNode[] {
          F.numberNode(Long.MAX_VALUE),
          F.numberNode(Long.MIN_VALUE),
          F.numberNode((1L << 53) + 1),
          F.numberNode(BigInteger.ONE.shiftLeft(63)),
          F.numberNode(maxUint64)
        }) {
      assertThat(CODEC.decode(CODEC.encode(n)).bigIntegerValue())
          .as("%s", n)
          .isEqualTo(n.bigIntegerValue());
    }
    assertThat(HEX.formatHex(CODEC.encode(F.numberNode(maxUint64))))
        .isEqualTo("cfffffffffffffffff");
    assertThat(CODEC.decode(HEX.parseHex("cfffffffffffffffff"))).isEqualTo(F.numberNode(maxUint64));
  }

  @Test
  void integersBeyond64BitsBecomeTheDoubleJavaScriptWouldHold() throws Exception {
    BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64);
    BigInteger belowInt64 = BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);
    for (BigInteger big : new BigInteger[] {twoTo64, belowInt64, twoTo64.pow(3)}) {
      byte[] bytes = CODEC.encode(F.numberNode(big));
      assertThat(bytes[0]).as("float 64").isEqualTo((byte) 0xcb);
      assertThat(CODEC.decode(bytes).doubleValue()).isEqualTo(big.doubleValue());
    }
  }

  // --- 3. extension type 0: what notepack.io reads it as, by format

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ext 8 ArrayBuffer, c70300010203",
    "ext 16 ArrayBuffer, c8000300010203",
    "ext 32 ArrayBuffer, c90000000300010203"
  })
  void arrayBufferExtensionReadsAsBinary(String name, String hex) throws Exception {
    assertThat(CODEC.decode(HEX.parseHex(hex)).binaryValue()).containsExactly(1, 2, 3);
    MsgpackCodec strict = MsgpackCodec.builder().arrayBuffers(false).build();
    assertThatThrownBy(() -> strict.decode(HEX.parseHex(hex)))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void binaryIsWrittenAsBinNotAsTheArrayBufferExtension() {
    assertThat(HEX.formatHex(CODEC.encode(F.binaryNode(new byte[] {1, 2, 3}))))
        .isEqualTo("c403010203");
  }

  @Test
  void undefinedIsDroppedFromMapsAndNullInArraysAndAtTheTop() throws Exception {
    // notepack.io 2: encode({a: undefined, b: [undefined]})
    assertThat(CODEC.decode(HEX.parseHex("82a161d40000a16291d40000")))
        .hasToString("{\"b\":[null]}");
    assertThat(CODEC.decode(HEX.parseHex("d40000")).isNull()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // notepack.io 2 (fixext 8 type 0) and notepack.io 3 (timestamp type -1) for the same Date
    "epoch n2, d7000000000000000000, 1970-01-01T00:00:00.000Z",
    "epoch n3, d6ff00000000, 1970-01-01T00:00:00.000Z",
    "millis n2, d7000000018bcfe5687b, 2023-11-14T22:13:20.123Z",
    "millis n3, d7ff1d5353006553f100, 2023-11-14T22:13:20.123Z",
    "before 1970 n2, d700fffffffffffffa24, 1969-12-31T23:59:58.500Z",
    "before 1970 n3, c70cff1dcd6500fffffffffffffffe, 1969-12-31T23:59:58.500Z",
    "sub-milli before 1970, c70cff0007a120ffffffffffffffff, 1969-12-31T23:59:59.001Z",
    "year 10000 n2, d7000000e677d21fdc00, +010000-01-01T00:00:00.000Z",
    "last JS date n3, c70cff00000000000007dba8218000, +275760-09-13T00:00:00.000Z",
    "year -1 n2, d700ffffc76e394a7400, -000001-01-01T00:00:00.000Z"
  })
  void datesReadAsDateToJson(String name, String hex, String iso) throws Exception {
    assertThat(CODEC.decode(HEX.parseHex(hex)).textValue()).isEqualTo(iso);
  }

  @Test
  void aTimeJavaScriptCannotHoldIsNullAsInvalidDateToJson() throws Exception {
    // 8.64e15 + 1 ms (notepack.io 2 form) and 2^50 s (timestamp 96)
    assertThat(CODEC.decode(HEX.parseHex("d700001eb208c2dc0001")).isNull()).isTrue();
    assertThat(CODEC.decode(HEX.parseHex("c70cff000000000004000000000000")).isNull()).isTrue();
  }

  @Test
  void datesCanBeTurnedOff() {
    MsgpackCodec noDates = MsgpackCodec.builder().dates(false).build();
    for (String hex : new String[] {"d7000000000000000000", "d6ff00000000"}) {
      assertThatThrownBy(() -> noDates.decode(HEX.parseHex(hex)))
          .as(hex)
          .isInstanceOf(ProtocolException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fixext 2 type 0, d5000102",
    "fixext 4 type 0, d60001020304",
    "fixext 16 type 0, d80000000000000000000000000000000000",
    "fixext 1 type 5, d40500",
    "ext 8 type 1 (BigInt in some notepack versions), c7010131",
    "timestamp of 5 bytes, c705ff0000000000"
  })
  void otherExtensionsAreRefused(String name, String hex) {
    assertThatThrownBy(() -> CODEC.decode(HEX.parseHex(hex))).isInstanceOf(ProtocolException.class);
  }

  // --- 4. nodes with no MessagePack form: refused, never a silent nil

  @Test
  void aPojoNodeIsRefusedWithAHint() {
    ObjectNode tree = F.objectNode();
    tree.putPOJO("when", new Object());
    assertThatThrownBy(() -> CODEC.encode(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POJO")
        .hasMessageContaining("mapper");
  }

  @Test
  void emptyNodesAreNil() throws Exception {
    ObjectNode tree = F.objectNode();
    tree.putPOJO("p", null);
    tree.set("m", F.missingNode());
    tree.putNull("n");
    assertThat(CODEC.decode(CODEC.encode(tree))).hasToString("{\"p\":null,\"m\":null,\"n\":null}");
    assertThat(CODEC.encode(null)).containsExactly(0xc0);
  }

  // --- hostile input

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "empty, ''",
    "reserved byte, c1",
    "truncated, 92a161",
    "trailing bytes, c0c0",
    "string announcing 4 GB, dbffffffff",
    "binary announcing 4 GB, c6ffffffff",
    "ext announcing 4 GB, c9ffffffff00",
    "array announcing 4 billion items, ddffffffff",
    "map announcing 4 billion entries, dfffffffff",
    "integer map key, 8101c0"
  })
  void malformedInputIsAProtocolException(String name, String hex) {
    assertThatThrownBy(() -> CODEC.decode(HEX.parseHex(hex))).isInstanceOf(ProtocolException.class);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomBytesGiveAValueOrAProtocolException(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[1 + random.nextInt(48)];
      random.nextBytes(bytes);
      try {
        assertThat(CODEC.decode(bytes)).isNotNull();
      } catch (ProtocolException expected) {
        // the only failure allowed
      }
    }
  }

  private static byte[] nestedArrays(int depth) {
    byte[] bytes = new byte[depth + 1];
    java.util.Arrays.fill(bytes, (byte) 0x91);
    bytes[depth] = (byte) 0xc0;
    return bytes;
  }
}
