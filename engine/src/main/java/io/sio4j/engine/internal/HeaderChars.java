package io.sio4j.engine.internal;

/**
 * The header checks of Node's HTTP module ({@code checkInvalidHeaderChar}, token names).
 * Host-neutral.
 */
final class HeaderChars {
  private HeaderChars() {}

  /** Whether the value has a character outside tab, 0x20-0x7e and 0x80-0xff. */
  static boolean invalid(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff)) continue;
      return true;
    }
    return false;
  }

  /** Whether a header name is an HTTP token and its values hold no control characters. */
  static boolean validHeader(String name, java.util.List<String> values) {
    if (name == null || name.isEmpty()) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) return false;
    }
    if (values == null) return true;
    for (String v : values) {
      if (v == null || HeaderChars.invalid(v)) return false;
    }
    return true;
  }
}
