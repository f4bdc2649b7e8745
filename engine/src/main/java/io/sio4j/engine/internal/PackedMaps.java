package io.sio4j.engine.internal;

import io.netty.util.AsciiString;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compact, read-only maps for the request data a session keeps as long as it lives (the handshake's
 * headers and query, see {@link io.sio4j.engine.HandshakeRequest}): every name and value is packed
 * into one string with an array of end offsets, about a fifth of a {@code LinkedHashMap} of lists
 * of strings. A lookup scans the pairs; the first whole-map access ({@code entrySet}, {@code size},
 * iteration, {@code equals}...) builds the ordinary unmodifiable map once and delegates to it.
 *
 * <pre>{@code
 * PackedMaps.Builder b = new PackedMaps.Builder();
 * b.add("host", "example.com");
 * Map<String, List<String>> headers = b.headers();
 * }</pre>
 *
 * <p>Threading: the maps are immutable and thread-safe (the built view is published racily but is
 * itself immutable and equal whichever thread builds it).
 */
public final class PackedMaps {
  private PackedMaps() {}

  /** Collects name/value pairs in arrival order; not thread-safe. */
  public static final class Builder {
    private char[] block;
    private int length; // characters written to block
    private int[] ends;
    private int count; // number of offsets written (2 per pair)

    /** A builder sized for a typical header block. */
    public Builder() {
      this(256, 8);
    }

    /** A builder sized for {@code chars} characters in {@code pairs} pairs (it grows beyond). */
    public Builder(int chars, int pairs) {
      this.block = new char[Math.max(16, chars)];
      this.ends = new int[Math.max(2, 2 * pairs)];
    }

    /** Adds a pair; the name is lower-cased (ASCII) as it is packed. */
    public Builder addLowerCased(CharSequence name, CharSequence value) {
      int from = length;
      append(name);
      // lower-cased in place, after a bulk copy: a call per character (charAt, then a
      // StringBuilder append) was two thirds of copying the headers before the JIT compiled it
      for (int i = from; i < length; i++) {
        char c = block[i];
        if (c >= 'A' && c <= 'Z') block[i] = (char) (c + 32);
        else if (c >= 0x80) block[i] = Character.toLowerCase(c);
      }
      mark();
      append(value);
      mark();
      return this;
    }

    /** Adds a pair as is. */
    public Builder add(CharSequence name, CharSequence value) {
      append(name);
      mark();
      append(value);
      mark();
      return this;
    }

    private void append(CharSequence s) {
      int n = s.length();
      if (length + n > block.length) {
        block = Arrays.copyOf(block, Math.max(2 * block.length, length + n));
      }
      if (s instanceof String str) {
        str.getChars(0, n, block, length);
      } else if (s instanceof AsciiString ascii) { // Netty's header names
        ascii.copy(0, block, length, n);
      } else {
        for (int i = 0; i < n; i++) block[length + i] = s.charAt(i);
      }
      length += n;
    }

    private void mark() {
      if (count == ends.length) ends = Arrays.copyOf(ends, count * 2);
      ends[count++] = length;
    }

    /** The pairs as a header map: each name once (first arrival order), all its values. */
    public Map<String, List<String>> headers() {
      return new Headers(new String(block, 0, length), exactEnds());
    }

    /** The pairs as a query map: each name once, its first value. */
    public Map<String, String> firstValues() {
      return new FirstValues(new String(block, 0, length), exactEnds());
    }

    /** The offsets, copied only when the builder was sized for more pairs than it got. */
    private int[] exactEnds() {
      return count == ends.length ? ends : Arrays.copyOf(ends, count);
    }
  }

  /** The packed pairs: name {@code i} is {@code [ends[2i-1], ends[2i])}, its value next. */
  private abstract static class Packed<V> extends AbstractMap<String, V> {
    final String block;
    final int[] ends;
    private volatile Map<String, V> built;

    Packed(String block, int[] ends) {
      this.block = block;
      this.ends = ends;
    }

    final int pairs() {
      return ends.length / 2;
    }

    final int nameStart(int i) {
      return i == 0 ? 0 : ends[2 * i - 1];
    }

    final boolean nameIs(int i, String name) {
      int start = nameStart(i);
      int len = ends[2 * i] - start;
      return len == name.length() && block.regionMatches(start, name, 0, len);
    }

    final String name(int i) {
      return block.substring(nameStart(i), ends[2 * i]);
    }

    final String value(int i) {
      return block.substring(ends[2 * i], ends[2 * i + 1]);
    }

    abstract Map<String, V> build();

    final Map<String, V> view() {
      Map<String, V> m = built;
      if (m == null) {
        m = Collections.unmodifiableMap(build());
        built = m;
      }
      return m;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
      return view().entrySet();
    }

    @Override
    public int size() {
      return view().size();
    }

    @Override
    public boolean containsKey(Object key) {
      if (!(key instanceof String k)) return false;
      for (int i = 0; i < pairs(); i++) if (nameIs(i, k)) return true;
      return false;
    }

    @Override
    public boolean isEmpty() {
      return ends.length == 0;
    }
  }

  /** Header map: {@code get} collects every value of the name, in arrival order. */
  private static final class Headers extends Packed<List<String>> {
    Headers(String block, int[] ends) {
      super(block, ends);
    }

    @Override
    public List<String> get(Object key) {
      if (!(key instanceof String k)) return null;
      String first = null;
      List<String> more = null;
      for (int i = 0; i < pairs(); i++) {
        if (!nameIs(i, k)) continue;
        if (first == null) {
          first = value(i);
        } else {
          if (more == null) {
            more = new ArrayList<>(4);
            more.add(first);
          }
          more.add(value(i));
        }
      }
      if (first == null) return null;
      return more == null ? List.of(first) : List.copyOf(more);
    }

    @Override
    Map<String, List<String>> build() {
      Map<String, List<String>> m = new LinkedHashMap<>();
      for (int i = 0; i < pairs(); i++) {
        m.computeIfAbsent(name(i), k -> new ArrayList<>(1)).add(value(i));
      }
      m.replaceAll((k, v) -> List.copyOf(v));
      return m;
    }
  }

  /** Query map: {@code get} is the first value of the name. */
  private static final class FirstValues extends Packed<String> {
    FirstValues(String block, int[] ends) {
      super(block, ends);
    }

    @Override
    public String get(Object key) {
      if (!(key instanceof String k)) return null;
      for (int i = 0; i < pairs(); i++) if (nameIs(i, k)) return value(i);
      return null;
    }

    @Override
    Map<String, String> build() {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < pairs(); i++) m.putIfAbsent(name(i), value(i));
      return m;
    }
  }
}
