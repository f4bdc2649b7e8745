package io.sio4j.engine.internal;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of an Engine.IO request, read without ever throwing into the pipeline.
 * Netty's {@link QueryStringDecoder} throws {@link IllegalArgumentException} on a malformed
 * percent-escape such as {@code t=%zz}; that used to escape the handler and drop the connection
 * without an answer (found by {@code QueryAndFormFuzzTest}). Pure functions.
 */
final class QueryParameters {
  private QueryParameters() {}

  /** The parameters of {@code qs}, or null when its query is not valid percent-encoding. */
  static Map<String, List<String>> of(QueryStringDecoder qs) {
    try {
      return qs.parameters();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
