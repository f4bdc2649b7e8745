package io.sio4j.protocol.msgpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Map;
import org.msgpack.core.MessagePacker;

/**
 * Writes one tree the way notepack.io writes the equivalent JavaScript value. Confined to one
 * {@link MsgpackCodec#encode} call.
 */
final class MsgpackWriter {
  /** 2<sup>64</sup>: the first integer that uint 64 cannot hold. */
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private final MessagePacker out;
  private final int maxDepth;

  MsgpackWriter(MessagePacker out, int maxDepth) {
    this.out = out;
    this.maxDepth = maxDepth;
  }

  void write(JsonNode node, int depth) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.packNil();
    } else if (node.isContainerNode()) {
      if (depth >= maxDepth) {
        throw new IllegalArgumentException("msgpack: tree nests deeper than " + maxDepth);
      }
      if (node.isObject()) {
        out.packMapHeader(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          out.packString(e.getKey());
          write(e.getValue(), depth + 1);
        }
      } else {
        out.packArrayHeader(node.size());
        for (JsonNode child : node) write(child, depth + 1);
      }
    } else if (node.isTextual()) {
      out.packString(node.textValue());
    } else if (node.isBinary()) {
      byte[] bytes = node.binaryValue();
      out.packBinaryHeader(bytes.length);
      out.writePayload(bytes);
    } else if (node.isBoolean()) {
      out.packBoolean(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      writeInteger(node);
    } else if (node.isNumber()) {
      out.packDouble(node.doubleValue());
    } else if (node instanceof POJONode pojo && pojo.getPojo() == null) {
      out.packNil();
    } else {
      throw new IllegalArgumentException(
          "msgpack: a "
              + node.getNodeType()
              + " node has no MessagePack form; turn the value into a tree with the mapper first");
    }
  }

  private void writeInteger(JsonNode node) throws IOException {
    if (node.canConvertToLong()) {
      out.packLong(node.longValue());
      return;
    }
    BigInteger big = node.bigIntegerValue();
    if (big.signum() > 0 && big.compareTo(TWO_TO_64) < 0) {
      out.packBigInteger(big); // uint 64, exact
    } else {
      out.packDouble(big.doubleValue()); // no integer format: what a JavaScript number holds
    }
  }
}
