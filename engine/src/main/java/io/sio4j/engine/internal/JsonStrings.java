package io.sio4j.engine.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/** JSON string literals through Jackson (no home-made escaping). Thread-safe. */
final class JsonStrings {
  private JsonStrings() {}

  /** {@code s} as a quoted JSON string; U+2028 and U+2029 are escaped too (safe inside JS). */
  static String quote(String s) {
    char[] escaped = JsonStringEncoder.getInstance().quoteAsString(s);
    StringBuilder sb = new StringBuilder(escaped.length + 2).append('"');
    for (char c : escaped) {
      if (c == '\u2028') sb.append("\\u2028");
      else if (c == '\u2029') sb.append("\\u2029");
      else sb.append(c);
    }
    return sb.append('"').toString();
  }

  /**
   * {@link #quote} of {@code s} as UTF-8 bytes. A string JSON leaves as it is (printable ASCII
   * without {@code "} and {@code \\}: a default base64url id) is copied straight between the
   * quotes, without the escaped copy and the intermediate string (one OPEN packet per session,
   * issue 12).
   */
  static byte[] quoteUtf8(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        return quote(s).getBytes(StandardCharsets.UTF_8);
      }
    }
    byte[] out = new byte[n + 2];
    out[0] = '"';
    for (int i = 0; i < n; i++) out[i + 1] = (byte) s.charAt(i); // ASCII: each char is its byte
    out[n + 1] = '"';
    return out;
  }
}
