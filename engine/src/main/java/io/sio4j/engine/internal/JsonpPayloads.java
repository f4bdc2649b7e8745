package io.sio4j.engine.internal;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSONP polling wire format of the official server ({@code polling-jsonp.ts}): responses are
 * {@code ___eio[<j>]("<payload as a JSON string>");} and POST bodies are form-encoded {@code
 * d=<payload>} in which the client escaped newlines as {@code \\n}. Pure functions.
 */
final class JsonpPayloads {
  private JsonpPayloads() {}

  /** Wraps a payload in the JSONP callback call. {@code index} is digits only. */
  static String wrap(String index, String payload) {
    return "___eio[" + index + "](" + JsonStrings.quote(payload) + ");";
  }

  /**
   * The {@code d} field of a form body with escaped newlines restored, or null if absent or when
   * the body is not valid form encoding (Netty's decoder throws on {@code %zz}, which used to
   * escape the pipeline and drop the connection; found by {@code QueryAndFormFuzzTest}).
   */
  static String decodeForm(String body) {
    Map<String, List<String>> form =
        QueryParameters.of(new QueryStringDecoder(body, StandardCharsets.UTF_8, false));
    List<String> d = form == null ? null : form.get("d");
    if (d == null || d.isEmpty()) return null;
    String s = d.get(0);
    // "\\n" (backslash, n) becomes a newline unless the backslash is itself escaped
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(i + 1);
        if (next == '\\' && i + 2 < s.length() && s.charAt(i + 2) == 'n') {
          sb.append("\\\\n");
          i += 2;
          continue;
        }
        if (next == 'n') {
          sb.append('\n');
          i += 1;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
