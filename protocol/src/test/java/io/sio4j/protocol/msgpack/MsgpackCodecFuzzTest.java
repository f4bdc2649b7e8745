package io.sio4j.protocol.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.ProtocolException;

/**
 * Jazzer target for {@link MsgpackCodec} (issue 14), the one codec behind the msgpack parser and
 * the Redis adapter.
 *
 * <p>Invariants: decoding arbitrary bytes only throws {@link ProtocolException}; nothing deeper
 * than {@code maxDepth} comes out; whatever is decoded encodes and decodes back to an equal tree
 * (the bytes may differ: a peer may use a wider format than the smallest).
 */
public class MsgpackCodecFuzzTest {
  private static final int MAX_DEPTH = 16;
  private static final MsgpackCodec CODEC = MsgpackCodec.builder().maxDepth(MAX_DEPTH).build();

  @FuzzTest(maxDuration = "10m")
  void decodeOnlyThrowsProtocolExceptions(byte[] input) throws ProtocolException {
    check(input);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] input) throws ProtocolException {
    check(input);
  }

  private static void check(byte[] input) throws ProtocolException {
    JsonNode tree;
    try {
      tree = CODEC.decode(input);
    } catch (ProtocolException expected) {
      return;
    }
    assertThat(depth(tree)).isLessThanOrEqualTo(MAX_DEPTH);
    assertThat(CODEC.decode(CODEC.encode(tree))).isEqualTo(tree);
  }

  private static int depth(JsonNode node) {
    if (!node.isContainerNode()) return 0;
    int deepest = 0;
    for (JsonNode child : node) deepest = Math.max(deepest, depth(child));
    return deepest + 1;
  }
}
