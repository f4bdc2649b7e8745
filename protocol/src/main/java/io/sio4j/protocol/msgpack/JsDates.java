package io.sio4j.protocol.msgpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sio4j.protocol.ProtocolException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * JavaScript Dates in msgpack, turned into what {@code Date.prototype.toJSON} gives, so a Date
 * reads the same whether the peer sent msgpack or JSON. Stateless.
 */
final class JsDates {
  /** ECMAScript's time value range: ±8.64e15 ms around the epoch (ECMA-262 §21.4.1.1). */
  static final long MAX_TIME = 8_640_000_000_000_000L;

  private JsDates() {}

  /** notepack.io 2's fixext 8 type 0: a signed 32-bit high word and an unsigned low word. */
  static long notepackMillis(byte[] data) {
    return ((long) int32(data, 0) << 32) | (int32(data, 4) & 0xffffffffL);
  }

  /**
   * The standard timestamp extension (type -1) in its 32, 64 and 96-bit forms, in milliseconds
   * truncated toward zero as {@code new Date(s * 1e3 + ns / 1e6)} does in notepack.io 3; {@link
   * Long#MIN_VALUE} for a time out of range.
   */
  static long timestampMillis(byte[] data) throws ProtocolException {
    long seconds;
    long nanos;
    switch (data.length) {
      case 4 -> {
        seconds = int32(data, 0) & 0xffffffffL;
        nanos = 0;
      }
      case 8 -> {
        long hi = int32(data, 0) & 0xffffffffL;
        nanos = hi >>> 2;
        seconds = ((hi & 0x3) << 32) | (int32(data, 4) & 0xffffffffL);
      }
      case 12 -> {
        nanos = int32(data, 0) & 0xffffffffL;
        seconds = ((long) int32(data, 4) << 32) | (int32(data, 8) & 0xffffffffL);
      }
      default -> throw new ProtocolException("msgpack timestamp of " + data.length + " bytes");
    }
    long limit = MAX_TIME / 1000 + 1;
    if (seconds > limit || seconds < -limit) return Long.MIN_VALUE;
    long millis = seconds * 1000 + nanos / 1_000_000;
    if (nanos % 1_000_000 != 0 && millis < 0) millis++; // truncation toward zero, as JS does
    return millis;
  }

  /** {@code new Date(millis).toJSON()}: an ISO-8601 string, or null for an invalid date. */
  static JsonNode toJson(long millis) {
    if (millis < -MAX_TIME || millis > MAX_TIME) return JsonNodeFactory.instance.nullNode();
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    int year = t.getYear();
    String y =
        year >= 0 && year <= 9999
            ? String.format("%04d", year)
            : (year < 0 ? "-" : "+") + String.format("%06d", Math.abs(year));
    String iso =
        String.format(
            "%s-%02d-%02dT%02d:%02d:%02d.%03dZ",
            y,
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond(),
            t.getNano() / 1_000_000);
    return JsonNodeFactory.instance.textNode(iso);
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | b[at + 3] & 0xff;
  }
}
