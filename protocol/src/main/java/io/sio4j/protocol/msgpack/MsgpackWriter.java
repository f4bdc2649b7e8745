package io.sio4j.protocol.msgpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes one tree the way notepack.io writes the equivalent JavaScript value: the smallest format
 * for every integer and length (MessagePack spec, "formats"), strings as str 8/16/32, binary as
 * bin. Confined to one {@link MsgpackCodec#encode} call.
 */
final class MsgpackWriter {
  /** 2<sup>64</sup>: the first integer that uint 64 cannot hold. */
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private final int maxDepth;
  private byte[] buf = new byte[64];
  private int size;

  MsgpackWriter(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void write(JsonNode node, int depth) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      put(0xc0);
    } else if (node.isContainerNode()) {
      if (depth >= maxDepth) {
        throw new IllegalArgumentException("msgpack: tree nests deeper than " + maxDepth);
      }
      if (node.isObject()) {
        header(node.size(), 0x80, 0xde);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          string(e.getKey());
          write(e.getValue(), depth + 1);
        }
      } else {
        header(node.size(), 0x90, 0xdc);
        for (JsonNode child : node) write(child, depth + 1);
      }
    } else if (node.isTextual()) {
      string(node.textValue());
    } else if (node.isBinary()) {
      byte[] bytes = node.binaryValue();
      if (bytes.length < 0x100) {
        put(0xc4);
        put(bytes.length);
      } else if (bytes.length < 0x10000) {
        put(0xc5);
        put16(bytes.length);
      } else {
        put(0xc6);
        put32(bytes.length);
      }
      put(bytes);
    } else if (node.isBoolean()) {
      put(node.booleanValue() ? 0xc3 : 0xc2);
    } else if (node.isIntegralNumber()) {
      integer(node);
    } else if (node.isNumber()) {
      put(0xcb);
      put64(Double.doubleToLongBits(node.doubleValue()));
    } else if (node instanceof POJONode pojo && pojo.getPojo() == null) {
      put(0xc0);
    } else {
      throw new IllegalArgumentException(
          "msgpack: a "
              + node.getNodeType()
              + " node has no MessagePack form; turn the value into a tree with the mapper first");
    }
  }

  private void integer(JsonNode node) {
    if (node.canConvertToLong()) {
      long v = node.longValue();
      if (v >= 0) {
        if (v < 0x80) put((int) v);
        else if (v < 0x100) put2(0xcc, (int) v);
        else if (v < 0x10000) {
          put(0xcd);
          put16((int) v);
        } else if (v < 0x1_0000_0000L) {
          put(0xce);
          put32((int) v);
        } else {
          put(0xcf);
          put64(v);
        }
      } else if (v >= -32) {
        put((int) v);
      } else if (v >= Byte.MIN_VALUE) {
        put2(0xd0, (int) v);
      } else if (v >= Short.MIN_VALUE) {
        put(0xd1);
        put16((int) v);
      } else if (v >= Integer.MIN_VALUE) {
        put(0xd2);
        put32((int) v);
      } else {
        put(0xd3);
        put64(v);
      }
      return;
    }
    BigInteger big = node.bigIntegerValue();
    if (big.signum() > 0 && big.compareTo(TWO_TO_64) < 0) {
      put(0xcf); // uint 64, exact
      put64(big.longValue());
    } else {
      put(0xcb); // no integer format: the double a JavaScript number holds
      put64(Double.doubleToLongBits(big.doubleValue()));
    }
  }

  private void string(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    int n = utf8.length;
    if (n < 0x20) put(0xa0 | n);
    else if (n < 0x100) put2(0xd9, n);
    else if (n < 0x10000) {
      put(0xda);
      put16(n);
    } else {
      put(0xdb);
      put32(n);
    }
    put(utf8);
  }

  private void header(int n, int fix, int format16) {
    if (n < 0x10) put(fix | n);
    else if (n < 0x10000) {
      put(format16);
      put16(n);
    } else {
      put(format16 + 1);
      put32(n);
    }
  }

  private void put2(int a, int b) {
    put(a);
    put(b);
  }

  private void put16(int v) {
    put(v >>> 8);
    put(v);
  }

  private void put32(int v) {
    put16(v >>> 16);
    put16(v);
  }

  private void put64(long v) {
    put32((int) (v >>> 32));
    put32((int) v);
  }

  private void put(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  private void ensure(int more) {
    if (more > buf.length - size) {
      long wanted = Math.max((long) buf.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("msgpack: too large");
      buf = Arrays.copyOf(buf, (int) wanted);
    }
  }
}
