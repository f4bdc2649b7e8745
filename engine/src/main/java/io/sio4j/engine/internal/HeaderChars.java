package io.sio4j.engine.internal;

/** The header value check of Node's HTTP module ({@code checkInvalidHeaderChar}). */
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
}
