package io.sio4j.adapter.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Redis messages to Jackson trees and back, in the two encodings @socket.io/redis-adapter uses:
 * JSON (a message starting with {@code '{'}) and MessagePack as written by npm notepack.io
 * (binary as {@code bin}, {@code undefined} as fixext 1). Everything read is untrusted: every
 * announced length is checked against the bytes left before anything is allocated, nesting is
 * bounded, and no type information is ever taken from the input (no polymorphic binding).
 *
 * <p>Stateless and thread-safe.
 */
final class MessageCodec {
  static final int MAX_DEPTH = 100;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final JsonNode UNDEFINED = F.missingNode();
  private final ObjectMapper json = new ObjectMapper();

  /** Decodes a message; JSON when it starts with '{', MessagePack otherwise. */
  JsonNode decode(byte[] message) throws IOException {
    if (message.length > 0 && message[0] == '{') return json.readTree(message);
    try (MessageUnpacker in = MessagePack.newDefaultUnpacker(message)) {
      JsonNode node = read(in, message.length, 0);
      if (in.hasNext()) throw new IOException("trailing bytes after the msgpack value");
      return node == UNDEFINED ? F.nullNode() : node;
    } catch (MessagePackException e) {
      throw new IOException("malformed msgpack: " + e.getMessage(), e);
    }
  }

  byte[] json(JsonNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  byte[] msgpack(JsonNode node) {
    try (MessageBufferPacker out = MessagePack.newDefaultBufferPacker()) {
      write(out, node);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write msgpack", e);
    }
  }

  private static void write(MessageBufferPacker out, JsonNode node) throws IOException {
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
    } else if (node.isIntegralNumber() && node.canConvertToLong()) {
      out.packLong(node.longValue());
    } else if (node.isNumber()) {
      out.packDouble(node.doubleValue());
    } else {
      out.packNil(); // POJO nodes and the like have no JavaScript counterpart
    }
  }

  private static JsonNode read(MessageUnpacker in, int total, int depth) throws IOException {
    if (depth > MAX_DEPTH) throw new IOException("msgpack nesting too deep");
    MessageFormat format = in.getNextFormat();
    switch (format.getValueType()) {
      case NIL:
        in.unpackNil();
        return F.nullNode();
      case BOOLEAN:
        return F.booleanNode(in.unpackBoolean());
      case INTEGER:
        if (format == MessageFormat.UINT64) return F.numberNode(in.unpackBigInteger());
        {
          long value = in.unpackLong();
          return value == (int) value ? F.numberNode((int) value) : F.numberNode(value);
        }
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
            if (in.getNextFormat().getValueType() != ValueType.STRING) {
              throw new IOException("msgpack map key is not a string");
            }
            String key = read(in, total, depth + 1).textValue();
            JsonNode child = read(in, total, depth + 1);
            if (child != UNDEFINED) object.set(key, child);
          }
          return object;
        }
      case EXTENSION:
        {
          ExtensionTypeHeader header = in.unpackExtensionTypeHeader();
          in.readPayload(checked(header.getLength(), in, total));
          // notepack: fixext 1 type 0 is undefined; dates and other extensions are not sent by
          // the adapter, so they read as null rather than as anything typed
          return format == MessageFormat.FIXEXT1 ? UNDEFINED : F.nullNode();
        }
      default:
        throw new IOException("invalid msgpack value");
    }
  }

  /** A length announced by a header, refused when the bytes left cannot hold it. */
  private static int checked(long announced, MessageUnpacker in, int total) throws IOException {
    long left = total - in.getTotalReadBytes();
    if (announced < 0 || announced > left) {
      throw new IOException("msgpack length " + announced + " exceeds the " + left + " bytes left");
    }
    return (int) announced;
  }
}
