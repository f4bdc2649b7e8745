package io.sio4j.protocol.msgpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads one untrusted value in notepack.io's dialect (see {@link MsgpackCodec} for the rules), one
 * format byte at a time as the MessagePack spec lays them out. Confined to one {@link
 * MsgpackCodec#decode} call.
 */
final class MsgpackReader {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Marks JavaScript's {@code undefined} while reading; never returned to callers. */
  private static final JsonNode UNDEFINED = F.missingNode();

  /** notepack's own extension type: undefined, ArrayBuffer or Date by the format. */
  private static final int NOTEPACK = 0;

  /** The standard MessagePack timestamp extension type. */
  private static final int TIMESTAMP = -1;

  private final byte[] in;
  private final MsgpackCodec codec;
  private int pos;

  MsgpackReader(byte[] in, MsgpackCodec codec) {
    this.in = in;
    this.codec = codec;
  }

  /** One value spanning all the bytes. */
  JsonNode readAll() throws ProtocolException {
    JsonNode node = read(0);
    if (pos != in.length) {
      throw new ProtocolException((in.length - pos) + " trailing bytes after the msgpack value");
    }
    return node == UNDEFINED ? F.nullNode() : node;
  }

  /**
   * One value. Arrays and maps are read in this frame (one stack frame per nesting level), so the
   * depth limit bounds the stack this uses.
   */
  private JsonNode read(int depth) throws ProtocolException {
    int b = u8();
    long n;
    boolean map;
    if (b >= 0x80 && b <= 0x8f) {
      n = b & 0x0f;
      map = true;
    } else if (b >= 0x90 && b <= 0x9f) {
      n = b & 0x0f;
      map = false;
    } else if (b >= 0xdc && b <= 0xdf) {
      n = (b & 1) == 0 ? u16() : u32();
      map = b >= 0xde;
    } else {
      return scalar(b);
    }
    if (depth + 1 > codec.maxDepth()) {
      throw new ProtocolException("msgpack nesting deeper than " + codec.maxDepth());
    }
    checkLeft(map ? 2 * n : n); // every key and value takes at least one byte
    if (map) {
      ObjectNode object = F.objectNode();
      for (long i = 0; i < n; i++) {
        String key = key();
        JsonNode child = read(depth + 1);
        if (child != UNDEFINED) object.set(key, child); // as JSON.stringify drops it
      }
      return object;
    }
    ArrayNode array = F.arrayNode((int) n);
    for (long i = 0; i < n; i++) {
      JsonNode child = read(depth + 1);
      array.add(child == UNDEFINED ? F.nullNode() : child);
    }
    return array;
  }

  /** Any value but an array or a map. */
  private JsonNode scalar(int b) throws ProtocolException {
    if (b <= 0x7f) return F.numberNode(b);
    if (b <= 0xbf) return F.textNode(string(b & 0x1f)); // fixstr
    if (b >= 0xe0) return F.numberNode(b - 0x100);
    return switch (b) {
      case 0xc0 -> F.nullNode();
      case 0xc2 -> F.booleanNode(false);
      case 0xc3 -> F.booleanNode(true);
      case 0xc4 -> F.binaryNode(bytes(u8()));
      case 0xc5 -> F.binaryNode(bytes(u16()));
      case 0xc6 -> F.binaryNode(bytes(u32()));
      case 0xc7 -> extension(u8(), false);
      case 0xc8 -> extension(u16(), false);
      case 0xc9 -> extension(u32(), false);
      case 0xca -> F.numberNode((double) Float.intBitsToFloat((int) u32()));
      case 0xcb -> F.numberNode(Double.longBitsToDouble(s64()));
      case 0xcc -> F.numberNode(u8());
      case 0xcd -> F.numberNode(u16());
      case 0xce -> integer(u32());
      case 0xcf -> uint64(s64());
      case 0xd0 -> F.numberNode((int) (byte) u8());
      case 0xd1 -> F.numberNode((int) (short) u16());
      case 0xd2 -> F.numberNode((int) u32());
      case 0xd3 -> integer(s64());
      case 0xd4 -> extension(1, true);
      case 0xd5 -> extension(2, true);
      case 0xd6 -> extension(4, true);
      case 0xd7 -> extension(8, true);
      case 0xd8 -> extension(16, true);
      case 0xd9 -> F.textNode(string(u8()));
      case 0xda -> F.textNode(string(u16()));
      case 0xdb -> F.textNode(string(u32()));
      default -> throw new ProtocolException("invalid msgpack byte 0xc1"); // never used
    };
  }

  private static JsonNode integer(long v) {
    return v == (int) v ? F.numberNode((int) v) : F.numberNode(v);
  }

  private static JsonNode uint64(long bits) {
    if (bits >= 0) return integer(bits);
    return F.numberNode(new BigInteger(Long.toUnsignedString(bits))); // above Long.MAX_VALUE
  }

  /** notepack writes every key as a string (JavaScript object keys are strings). */
  private String key() throws ProtocolException {
    int b = u8();
    if (b >= 0xa0 && b <= 0xbf) return string(b & 0x1f);
    return switch (b) {
      case 0xd9 -> string(u8());
      case 0xda -> string(u16());
      case 0xdb -> string(u32());
      default -> throw new ProtocolException("msgpack map key is not a string");
    };
  }

  private JsonNode extension(long length, boolean fixed) throws ProtocolException {
    int type = (byte) u8();
    byte[] data = bytes(length);
    if (type == NOTEPACK && fixed && length == 1) return UNDEFINED;
    if (type == NOTEPACK && !fixed && codec.arrayBuffers()) return F.binaryNode(data);
    if (codec.dates()) {
      if (type == NOTEPACK && fixed && length == 8) {
        return JsDates.toJson(JsDates.notepackMillis(data));
      }
      if (type == TIMESTAMP) return JsDates.toJson(JsDates.timestampMillis(data));
    }
    throw new ProtocolException("unsupported msgpack extension type " + type);
  }

  private String string(long length) throws ProtocolException {
    checkLeft(length);
    String s = new String(in, pos, (int) length, StandardCharsets.UTF_8);
    pos += (int) length;
    return s;
  }

  private byte[] bytes(long length) throws ProtocolException {
    checkLeft(length);
    byte[] out = Arrays.copyOfRange(in, pos, pos + (int) length);
    pos += (int) length;
    return out;
  }

  /** A length announced by a header, refused when the bytes left cannot hold it. */
  private void checkLeft(long announced) throws ProtocolException {
    int left = in.length - pos;
    if (announced > left) {
      throw new ProtocolException(
          "msgpack length " + announced + " exceeds the " + left + " bytes left");
    }
  }

  private int u8() throws ProtocolException {
    if (pos >= in.length) throw new ProtocolException("truncated msgpack value");
    return in[pos++] & 0xff;
  }

  private int u16() throws ProtocolException {
    return u8() << 8 | u8();
  }

  private long u32() throws ProtocolException {
    return (long) u16() << 16 | u16();
  }

  private long s64() throws ProtocolException {
    return u32() << 32 | u32();
  }
}
