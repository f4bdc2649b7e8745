package io.sio4j.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Jazzer target for what the engine parses out of a handshake or polling request before any session
 * exists (issue 14): the query string (request URI) and JSONP form bodies ({@code d=...}). The
 * engine reads no cookie header today (the sid cookie is only written); a cookie parser added later
 * belongs in this target.
 *
 * <p>Input layout: the first byte picks the parser ({@code f} a form body, anything else a URI);
 * the rest is the text.
 *
 * <p>Invariants: nothing throws (a malformed query is refused with 400, a malformed form body is a
 * bad request); Netty's bound of 1024 parameters holds; parameters re-encoded and parsed again are
 * equal; a form body's {@code d} field always decodes to at most as many chars as the body.
 */
public class QueryAndFormFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void parsersNeverThrow(byte[] input) {
    check(input);
  }

  /** The entry point of Jazzer's command line, used by {@code scripts/fuzz.sh}. */
  public static void fuzzerTestOneInput(byte[] input) {
    check(input);
  }

  private static void check(byte[] input) {
    if (input.length == 0) return;
    String text = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
    if (input[0] == 'f') {
      String d = JsonpPayloads.decodeForm(text);
      if (d != null) assertThat(d.length()).isLessThanOrEqualTo(text.length());
      return;
    }
    QueryStringDecoder qs = new QueryStringDecoder(text);
    Map<String, List<String>> params = QueryParameters.of(qs);
    if (params == null) return;
    assertThat(params.size()).isLessThanOrEqualTo(1024);
    QueryStringEncoder encoder = new QueryStringEncoder("/engine.io/");
    params.forEach((k, values) -> values.forEach(v -> encoder.addParam(k, v)));
    Map<String, List<String>> again =
        QueryParameters.of(new QueryStringDecoder(encoder.toString()));
    assertThat(again).isEqualTo(params);
  }
}
