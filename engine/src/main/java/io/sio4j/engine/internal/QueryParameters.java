package io.sio4j.engine.internal;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The query parameters of an Engine.IO request, read without ever throwing into the pipeline.
 * Netty's {@link QueryStringDecoder} throws {@link IllegalArgumentException} on a malformed
 * percent-escape such as {@code t=%zz}; that used to escape the handler and drop the connection
 * without an answer (found by {@code QueryAndFormFuzzTest}).
 *
 * <p>{@link #ofUri} splits a request URI's query the way {@code new QueryStringDecoder(uri)} does
 * ({@code &} and {@code ;} separate pairs, {@code #} ends the query, the first {@code =} splits a
 * pair, at most 1024 pairs) and has Netty's {@link QueryStringDecoder#decodeComponent} decode the
 * parts that hold a {@code %} or {@code +}, into a small read-only map (issue 12): the decoder, its
 * path string, a {@code LinkedHashMap}, its entries and a list per name were about 400 bytes per
 * handshake. The names and values every client sends ({@code EIO=4}, {@code transport=websocket},
 * ...) are the constants below, not new strings.
 *
 * <pre>{@code
 * QueryParameters params = QueryParameters.ofUri("/engine.io/?EIO=4&transport=websocket");
 * params.get("EIO"); // ["4"]
 * }</pre>
 *
 * <p>Threading: the maps are immutable.
 */
final class QueryParameters extends AbstractMap<String, List<String>> {
  /** Netty's default bound on decoded pairs (its hash-flooding guard). */
  static final int MAX_PAIRS = 1024;

  private static final String[] KNOWN = {
    "EIO", "transport", "sid", "t", "b64", "j", "4", "3", "websocket", "polling", "1", ""
  };

  private final String uri;
  private final int pathEnd;
  private final String[] names;
  private final List<String>[] values;
  private final int size;

  private QueryParameters(String uri, int pathEnd, String[] names, List<String>[] values, int n) {
    this.uri = uri;
    this.pathEnd = pathEnd;
    this.names = names;
    this.values = values;
    this.size = n;
  }

  /** The parameters of {@code qs}, or null when its query is not valid percent-encoding. */
  static Map<String, List<String>> of(QueryStringDecoder qs) {
    try {
      return qs.parameters();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The parameters of a request URI (path, then an optional query), equal to {@code new
   * QueryStringDecoder(uri).parameters()}; null when the query is not valid percent-encoding.
   */
  static QueryParameters ofUri(String uri) {
    int len = uri.length();
    int pathEnd = indexOfEither(uri, 0, len, '?', '#');
    int from = pathEnd < len && uri.charAt(pathEnd) == '?' ? pathEnd + 1 : len;
    int end = indexOfEither(uri, from, len, '#', '#');
    // an upper bound of the pairs, so the arrays are allocated once
    int bound = Math.min(MAX_PAIRS, 1 + countEither(uri, from, end, '&', ';'));
    @SuppressWarnings("unchecked")
    List<String>[] values = (List<String>[]) new List<?>[bound];
    String[] names = new String[bound];
    int n = 0;
    int pairs = 0;
    try {
      // the scans live in the small helpers below: a loop over the characters in this method
      // made the JIT compile it on-stack three times over while a server took its first
      // connections (issue 12)
      for (int pairStart = from; pairStart < end; ) {
        int pairEnd = indexOfEither(uri, pairStart, end, '&', ';');
        int nameStart = skip(uri, pairStart, pairEnd, '=');
        if (nameStart < pairEnd) {
          int eq = indexOfEither(uri, nameStart, pairEnd, '=', '=');
          n = add(uri, nameStart, eq < pairEnd ? eq + 1 : -1, pairEnd, names, values, n);
          if (++pairs == MAX_PAIRS) break;
        }
        pairStart = pairEnd + 1;
      }
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    return new QueryParameters(uri, pathEnd, names, values, n);
  }

  /** The first index in {@code [from, to)} holding {@code a} or {@code b}; {@code to} if none. */
  private static int indexOfEither(String s, int from, int to, char a, char b) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == a || c == b) return i;
    }
    return to;
  }

  /** How many characters in {@code [from, to)} are {@code a} or {@code b}. */
  private static int countEither(String s, int from, int to, char a, char b) {
    int count = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == a || c == b) count++;
    }
    return count;
  }

  /** The first index in {@code [from, to)} not holding {@code c}; {@code to} if none. */
  private static int skip(String s, int from, int to, char c) {
    int i = from;
    while (i < to && s.charAt(i) == c) i++;
    return i;
  }

  /** Adds one pair; returns the new number of distinct names. */
  private static int add(
      String s,
      int nameStart,
      int valueStart,
      int end,
      String[] names,
      List<String>[] values,
      int n) {
    if (valueStart <= nameStart) valueStart = end + 1;
    String name = decode(s, nameStart, valueStart - 1);
    String value = decode(s, valueStart, end);
    for (int k = 0; k < n; k++) {
      if (names[k].equals(name)) {
        // a repeated name (rare): its values in arrival order
        List<String> more = new ArrayList<>(values[k].size() + 1);
        more.addAll(values[k]);
        more.add(value);
        values[k] = List.copyOf(more);
        return n;
      }
    }
    names[n] = name;
    values[n] = List.of(value);
    return n + 1;
  }

  /** The component {@code [from, to)}, percent- and plus-decoded; throws when malformed. */
  private static String decode(String s, int from, int to) {
    if (to <= from) return "";
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%' || c == '+') {
        return QueryStringDecoder.decodeComponent(s.substring(from, to), StandardCharsets.UTF_8);
      }
    }
    for (String known : KNOWN) {
      if (known.length() == to - from && s.regionMatches(from, known, 0, to - from)) return known;
    }
    return s.substring(from, to);
  }

  /** The path of the URI, as sent (not decoded). */
  String rawPath() {
    return uri.substring(0, pathEnd);
  }

  @Override
  public List<String> get(Object key) {
    for (int k = 0; k < size; k++) if (names[k].equals(key)) return values[k];
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super List<String>> action) {
    for (int k = 0; k < size; k++) action.accept(names[k], values[k]);
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, List<String>>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, List<String>> next() {
            if (next >= size) throw new NoSuchElementException();
            int k = next++;
            return Map.entry(names[k], values[k]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
