package io.sio4j.protocol.msgpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads one untrusted value in notepack.io's dialect (see {@link MsgpackCodec} for the rules).
 * Confined to one {@link MsgpackCodec#decode} call.
 */
final class MsgpackReader {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Marks JavaScript's {@code undefined} while reading; never returned to callers. */
  private static final JsonNode UNDEFINED = F.missingNode();

  /** notepack's own extension type: undefined, ArrayBuffer or Date by the format. */
  private static final byte NOTEPACK = 0;

  /** The standard MessagePack timestamp extension type. */
  private static final byte TIMESTAMP = -1;

  private final MessageUnpacker in;
  private final int total;
  private final MsgpackCodec codec;

  MsgpackReader(MessageUnpacker in, int total, MsgpackCodec codec) {
    this.in = in;
    this.total = total;
    this.codec = codec;
  }

  JsonNode readTop() throws IOException, ProtocolException {
    JsonNode node = read(0);
    return node == UNDEFINED ? F.nullNode() : node;
  }

  private JsonNode read(int depth) throws IOException, ProtocolException {
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL:
        in.unpackNil();
        return F.nullNode();
      case BOOLEAN:
        return F.booleanNode(in.unpackBoolean());
      case INTEGER:
        return integer(format);
      case FLOAT:
        return F.numberNode(in.unpackDouble());
      case STRING:
        return F.textNode(new String(payload(in.unpackRawStringHeader()), StandardCharsets.UTF_8));
      case BINARY:
        return F.binaryNode(payload(in.unpackBinaryHeader()));
      case ARRAY:
        return array(depth + 1);
      case MAP:
        return map(depth + 1);
      case EXTENSION:
        return extension(format);
      default:
        throw new ProtocolException("invalid msgpack byte");
    }
  }

  private JsonNode integer(MessageFormat format) throws IOException {
    if (format == MessageFormat.UINT64) {
      BigInteger big = in.unpackBigInteger();
      return big.bitLength() < 64 ? F.numberNode(big.longValue()) : F.numberNode(big);
    }
    long value = in.unpackLong();
    return value == (int) value ? F.numberNode((int) value) : F.numberNode(value);
  }

  private JsonNode array(int depth) throws IOException, ProtocolException {
    checkDepth(depth);
    int n = checked(in.unpackArrayHeader()); // each item takes at least one byte
    ArrayNode array = F.arrayNode(n);
    for (int i = 0; i < n; i++) {
      JsonNode child = read(depth);
      array.add(child == UNDEFINED ? F.nullNode() : child);
    }
    return array;
  }

  private JsonNode map(int depth) throws IOException, ProtocolException {
    checkDepth(depth);
    int n = in.unpackMapHeader();
    checked(2L * n); // a key and a value, at least one byte each
    ObjectNode object = F.objectNode();
    for (int i = 0; i < n; i++) {
      if (in.getNextFormat().getValueType() != ValueType.STRING) {
        throw new ProtocolException("msgpack map key is not a string");
      }
      String key = new String(payload(in.unpackRawStringHeader()), StandardCharsets.UTF_8);
      JsonNode child = read(depth);
      if (child != UNDEFINED) object.set(key, child); // as JSON.stringify drops it
    }
    return object;
  }

  private JsonNode extension(MessageFormat format) throws IOException, ProtocolException {
    ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
    byte type = header.getType();
    byte[] data = payload(header.getLength());
    boolean fixed = format.name().startsWith("FIXEXT");
    if (type == NOTEPACK && format == MessageFormat.FIXEXT1) return UNDEFINED;
    if (type == NOTEPACK && !fixed && codec.arrayBuffers()) return F.binaryNode(data);
    if (codec.dates()) {
      if (type == NOTEPACK && format == MessageFormat.FIXEXT8) {
        return JsDates.toJson(JsDates.notepackMillis(data));
      }
      if (type == TIMESTAMP) return JsDates.toJson(JsDates.timestampMillis(data));
    }
    throw new ProtocolException("unsupported msgpack extension type " + type);
  }

  private void checkDepth(int depth) throws ProtocolException {
    if (depth > codec.maxDepth()) {
      throw new ProtocolException("msgpack nesting deeper than " + codec.maxDepth());
    }
  }

  private byte[] payload(long announced) throws IOException, ProtocolException {
    return in.readPayload(checked(announced));
  }

  /** A length announced by a header, refused when the bytes left cannot hold it. */
  private int checked(long announced) throws ProtocolException {
    long left = total - in.getTotalReadBytes();
    if (announced < 0 || announced > left) {
      throw new ProtocolException(
          "msgpack length " + announced + " exceeds the " + left + " bytes left");
    }
    return (int) announced;
  }
}
