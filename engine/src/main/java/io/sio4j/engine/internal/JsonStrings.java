package io.sio4j.engine.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

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
   * Whether {@link #quote} of {@code s} is {@code s} itself between quotes: printable ASCII without
   * {@code "} and {@code \\}, which JSON (and Jackson) leaves as is.
   */
  static boolean quotesAsItself(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') return false;
    }
    return true;
  }
}
