package io.sio4j.adapter.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import io.sio4j.server.adapter.ClusterWire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The Postgres adapter's messages as npm {@code @socket.io/postgres-adapter} 0.5 writes them. A
 * NOTIFY on channel {@code <prefix>#<nsp>} carries either the whole message as JSON {@code {uid,
 * nsp, type, data}}, or, when the JSON reaches the payload threshold or the message holds binary, a
 * header {@code {uid, type, attachmentId}} whose message lies MessagePack-encoded in the {@code
 * payload} column of the attachment table.
 *
 * <p>Everything read is untrusted: notifications and attachments are bounded in size, parsed into
 * trees only (never bound to types), and anything unusable throws {@link IOException}, {@link
 * ProtocolException} or {@link IllegalArgumentException}, nothing else. Stateless; thread-safe.
 */
final class PostgresWire {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; anything longer is not ours. */
  static final int MAX_NOTIFICATION_CHARS = 8000;

  private PostgresWire() {}

  /**
   * One notification: a whole message, or the pointer to an attachment.
   *
   * @param uid the sender's id, or null
   * @param message the whole message, or null when it is in the table
   * @param attachmentId the row of the attachment, or -1
   */
  record Notification(String uid, JsonNode message, long attachmentId) {
    boolean hasAttachment() {
      return attachmentId >= 0;
    }
  }

  /** The notification channel of a namespace: {@code <prefix>#<nsp>}. */
  static String channel(String prefix, String nsp) {
    return prefix + "#" + nsp;
  }

  /**
   * {@code LISTEN "<channel>"}, the channel quoted as an identifier (PostgreSQL binds no names).
   */
  static String listen(String channel) {
    if (channel.indexOf('\0') >= 0) throw new IllegalArgumentException("NUL in channel name");
    return "LISTEN \"" + channel.replace("\"", "\"\"") + "\"";
  }

  /** Reads a NOTIFY payload. */
  static Notification decodeNotification(String payload) throws IOException, ProtocolException {
    if (payload == null || payload.isEmpty()) throw new IllegalArgumentException("empty payload");
    if (payload.length() > MAX_NOTIFICATION_CHARS) {
      throw new IllegalArgumentException("payload of " + payload.length() + " chars");
    }
    JsonNode message = ClusterWire.decode(payload.getBytes(StandardCharsets.UTF_8));
    if (message == null || !message.isObject()) {
      throw new IllegalArgumentException("payload is not an object");
    }
    String uid = message.path("uid").isTextual() ? message.get("uid").textValue() : null;
    JsonNode attachment = message.path("attachmentId");
    if (attachment.isMissingNode() || attachment.isNull()) {
      return new Notification(uid, message, -1);
    }
    return new Notification(uid, null, attachmentId(attachment));
  }

  /** A bigserial id: pg (Node) sends it as a string of digits, a number is taken too. */
  static long attachmentId(JsonNode id) {
    long value;
    if (id.isTextual()) {
      String s = id.textValue();
      if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("attachmentId is not a row id");
      }
      value = Long.parseLong(s);
    } else if (id.isIntegralNumber() && id.canConvertToLong()) {
      value = id.longValue();
    } else {
      throw new IllegalArgumentException("attachmentId is not a row id");
    }
    if (value < 0) throw new IllegalArgumentException("negative attachmentId");
    return value;
  }

  /** Reads an attachment (MessagePack of the whole message; JSON is taken too). */
  static JsonNode decodeAttachment(byte[] payload, int maxBytes)
      throws IOException, ProtocolException {
    if (payload == null || payload.length == 0) throw new IllegalArgumentException("no payload");
    if (payload.length > maxBytes) {
      throw new IllegalArgumentException("attachment of " + payload.length + " bytes");
    }
    JsonNode message = ClusterWire.decode(payload);
    if (message == null || !message.isObject()) {
      throw new IllegalArgumentException("attachment is not an object");
    }
    return message;
  }

  /**
   * The NOTIFY text of a message, or null when the message must go through the table: it holds
   * binary (only MessagePack carries it), or its JSON reaches {@code threshold} bytes.
   */
  static String inlinePayload(ObjectNode message, int threshold) {
    if (ClusterWire.hasBinary(message)) return null;
    byte[] json = ClusterWire.json(message);
    if (json.length >= threshold) return null;
    return new String(json, StandardCharsets.UTF_8);
  }

  /** The attachment of a message: MessagePack, as {@code @msgpack/msgpack} writes it. */
  static byte[] attachment(ObjectNode message) {
    return ClusterWire.msgpack(message);
  }

  /** The NOTIFY text pointing at attachment {@code id}: {@code {uid, type, attachmentId}}. */
  static String header(ObjectNode message, long id) {
    ObjectNode header = F.objectNode();
    header.set("uid", message.path("uid"));
    header.set("type", message.path("type"));
    header.put("attachmentId", Long.toString(id)); // as pg returns a bigserial to Node
    return new String(ClusterWire.json(header), StandardCharsets.UTF_8);
  }
}
