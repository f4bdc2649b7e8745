package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attachment placeholders of one decoded packet, found and validated before any attachment is
 * buffered (CVE-2022-2421: {@code num} must be an integer index in range, each used once), and put
 * back as {@link BinaryNode}s when the attachments have arrived.
 *
 * <p>Not thread-safe: one per packet.
 */
final class Placeholders {
  static final String FLAG = "_placeholder";
  static final String NUM = "num";

  /** Where a placeholder sits: a parent container and an array index or a field name. */
  private record Slot(JsonNode parent, int index, String field) {}

  private final Slot[] slots;

  private Placeholders(Slot[] slots) {
    this.slots = slots;
  }

  /**
   * Finds the placeholders in {@code data} for a packet that announced {@code count} attachments.
   *
   * @throws ProtocolException when a placeholder is malformed, out of range, used twice, or when
   *     their number differs from {@code count}
   */
  static Placeholders find(JsonNode data, int count) throws ProtocolException {
    Slot[] slots = new Slot[count];
    int found = collect(data, slots, 0);
    if (found != count) {
      throw new ProtocolException(
          "packet announced " + count + " attachments but holds " + found + " placeholders");
    }
    return new Placeholders(slots);
  }

  private static int collect(JsonNode node, Slot[] slots, int found) throws ProtocolException {
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (isPlaceholder(child)) found = record(slots, found, child, new Slot(array, i, null));
        else if (child.isContainerNode()) found = collect(child, slots, found);
      }
    } else if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        JsonNode child = e.getValue();
        if (isPlaceholder(child)) {
          found = record(slots, found, child, new Slot(object, -1, e.getKey()));
        } else if (child.isContainerNode()) {
          found = collect(child, slots, found);
        }
      }
    }
    return found;
  }

  /** socket.io-parser treats an object as a placeholder only when {@code _placeholder === true}. */
  private static boolean isPlaceholder(JsonNode node) {
    if (!(node instanceof ObjectNode object)) return false;
    JsonNode flag = object.get(FLAG);
    return flag != null && flag.isBoolean() && flag.booleanValue();
  }

  private static int record(Slot[] slots, int found, JsonNode placeholder, Slot slot)
      throws ProtocolException {
    JsonNode num = placeholder.get(NUM);
    if (num == null || !num.isIntegralNumber() || !num.canConvertToInt()) {
      throw new ProtocolException("illegal attachment placeholder: num is not an integer");
    }
    int index = num.intValue();
    if (index < 0 || index >= slots.length) {
      throw new ProtocolException("illegal attachment placeholder: num " + index + " out of range");
    }
    if (slots[index] != null) {
      throw new ProtocolException("illegal attachment placeholder: num " + index + " used twice");
    }
    slots[index] = slot;
    return found + 1;
  }

  /** Replaces each placeholder with its attachment. */
  void fill(List<byte[]> attachments) {
    for (int i = 0; i < slots.length; i++) {
      Slot s = slots[i];
      BinaryNode value = BinaryNode.valueOf(attachments.get(i));
      if (s.field == null) ((ArrayNode) s.parent).set(s.index, value);
      else ((ObjectNode) s.parent).set(s.field, value);
    }
  }

  /** An empty list sized for {@code count} attachments. */
  static List<byte[]> newBuffer(int count) {
    return new ArrayList<>(count);
  }
}
