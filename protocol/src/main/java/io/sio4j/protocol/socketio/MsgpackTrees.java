package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;

/**
 * Jackson trees to MessagePack and back, in the dialect of npm notepack.io (what
 * socket.io-msgpack-parser uses): binary as {@code bin} on the way out; {@code bin} or extension
 * type 0 (a browser's ArrayBuffer) on the way in; fixext 1 type 0 is JavaScript's {@code undefined}
 * (dropped from maps, null in arrays); fixext 8 type 0 is a Date (read as its ISO string, as
 * JSON.stringify would give). Every length is checked against the bytes left before anything is
 * allocated. Stateless and thread-safe.
 */
final class MsgpackTrees {
  static final int MAX_DEPTH = 500;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC);

  /** Marks JavaScript's {@code undefined} while reading. */
  static final JsonNode UNDEFINED = F.missingNode();

  private MsgpackTrees() {}

  static void write(MessagePacker out, JsonNode node) throws IOException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.packNil();
    } else if (node.isObject()) {
      out.packMapHeader(node.size());
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.packString(e.getKey());
        write(out, e.getValue());
      }
    } else if (node.isArray()) {
      out.packArrayHeader(node.size());
      for (JsonNode child : node) write(out, child);
    } else if (node.isTextual()) {
      out.packString(node.textValue());
    } else if (node.isBinary()) {
      byte[] bytes = node.binaryValue();
      out.packBinaryHeader(bytes.length);
      out.writePayload(bytes);
    } else if (node.isBoolean()) {
      out.packBoolean(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      if (node.canConvertToLong()) out.packLong(node.longValue());
      else out.packBigInteger(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.packDouble(node.doubleValue());
    } else {
      throw new IOException("cannot write " + node.getNodeType() + " as msgpack");
    }
  }

  /** Reads one value; {@link #UNDEFINED} for JavaScript's undefined. */
  static JsonNode read(MessageUnpacker in, int total, int depth)
      throws IOException, ProtocolException {
    if (depth > MAX_DEPTH) throw new ProtocolException("msgpack nesting too deep");
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL:
        in.unpackNil();
        return F.nullNode();
      case BOOLEAN:
        return F.booleanNode(in.unpackBoolean());
      case INTEGER:
        if (format == MessageFormat.UINT64) {
          BigInteger big = in.unpackBigInteger();
          return big.bitLength() < 64 ? F.numberNode(big.longValue()) : F.numberNode(big);
        }
        long value = in.unpackLong();
        return value == (int) value ? F.numberNode((int) value) : F.numberNode(value);
      case FLOAT:
        return F.numberNode(in.unpackDouble());
      case STRING:
        {
          int len = checked(in.unpackRawStringHeader(), in, total);
          return F.textNode(new String(in.readPayload(len), StandardCharsets.UTF_8));
        }
      case BINARY:
        return F.binaryNode(in.readPayload(checked(in.unpackBinaryHeader(), in, total)));
      case ARRAY:
        {
          int n = checked(in.unpackArrayHeader(), in, total);
          ArrayNode array = F.arrayNode();
          for (int i = 0; i < n; i++) {
            JsonNode child = read(in, total, depth + 1);
            array.add(child == UNDEFINED ? F.nullNode() : child);
          }
          return array;
        }
      case MAP:
        {
          int n = in.unpackMapHeader();
          checked(n * 2L, in, total);
          ObjectNode object = F.objectNode();
          for (int i = 0; i < n; i++) {
            if (in.getNextFormat().getValueType() != org.msgpack.value.ValueType.STRING) {
              throw new ProtocolException("msgpack map key is not a string");
            }
            String key = (String) read(in, total, depth + 1).textValue();
            JsonNode child = read(in, total, depth + 1);
            if (child != UNDEFINED) object.set(key, child);
          }
          return object;
        }
      case EXTENSION:
        return extension(in, format, total);
      default:
        throw new ProtocolException("invalid msgpack value");
    }
  }

  private static JsonNode extension(MessageUnpacker in, MessageFormat format, int total)
      throws IOException, ProtocolException {
    ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
    int len = checked(header.getLength(), in, total);
    if (header.getType() != 0) throw new ProtocolException("unsupported msgpack extension type");
    byte[] payload = in.readPayload(len);
    if (format == MessageFormat.FIXEXT1) return UNDEFINED;
    if (format == MessageFormat.FIXEXT8) {
      long hi =
          ((payload[0] & 0xffL) << 24
              | (payload[1] & 0xffL) << 16
              | (payload[2] & 0xffL) << 8
              | (payload[3] & 0xffL));
      long lo =
          ((payload[4] & 0xffL) << 24
              | (payload[5] & 0xffL) << 16
              | (payload[6] & 0xffL) << 8
              | (payload[7] & 0xffL));
      long millis = ((int) hi) * 4294967296L + lo;
      return F.textNode(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
    }
    if (format == MessageFormat.EXT8
        || format == MessageFormat.EXT16
        || format == MessageFormat.EXT32) {
      return F.binaryNode(payload);
    }
    throw new ProtocolException("unsupported msgpack extension");
  }

  /** A length announced by a header, refused when the bytes left cannot hold it. */
  private static int checked(long announced, MessageUnpacker in, int total)
      throws ProtocolException {
    long left = total - in.getTotalReadBytes();
    if (announced < 0 || announced > left) {
      throw new ProtocolException(
          "msgpack length " + announced + " exceeds the " + left + " bytes left");
    }
    return (int) announced;
  }
}
