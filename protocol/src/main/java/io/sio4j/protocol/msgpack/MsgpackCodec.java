package io.sio4j.protocol.msgpack;

import com.fasterxml.jackson.databind.JsonNode;
import io.sio4j.protocol.ProtocolException;
import java.io.IOException;

/**
 * Jackson trees to MessagePack and back, in the dialect of npm notepack.io: the one codec behind
 * the msgpack Socket.IO parser (socket.io-msgpack-parser, notepack.io 2.x) and the Redis adapter
 * (@socket.io/redis-adapter, notepack.io 3.x).
 *
 * <pre>{@code
 * MsgpackCodec codec = MsgpackCodec.builder().maxDepth(64).build();
 * byte[] bytes = codec.encode(tree);
 * JsonNode back = codec.decode(bytes); // ProtocolException on bad input
 * }</pre>
 *
 * <p>What it writes: maps, arrays, strings, booleans and nil as notepack does; binary as {@code
 * bin} (what notepack.io 3 and every browser build write for an ArrayBuffer, and what notepack
 * reads as a Buffer); integers in the smallest int/uint format, exactly for the whole 64-bit range
 * (unsigned up to 2<sup>64</sup>-1); other numbers as float 64. An integer beyond 64 bits has no
 * MessagePack format and is written as the float 64 a JavaScript peer would hold for it anyway (as
 * it would after {@code JSON.parse}). A node with no JavaScript counterpart (a POJO or raw-value
 * node) is refused with {@link IllegalArgumentException}: write it as a tree with the mapper first.
 *
 * <p>What it reads, beyond the standard types:
 *
 * <ul>
 *   <li>fixext 1 type 0: notepack's {@code undefined}, dropped from maps and null in arrays (as
 *       {@code JSON.stringify} would do);
 *   <li>ext 8/16/32 type 0: notepack.io 2's ArrayBuffer, read as binary (option {@link
 *       Builder#arrayBuffers});
 *   <li>fixext 8 type 0 (notepack.io 2's Date) and the standard timestamp type -1 (notepack.io 3's
 *       Date, 32, 64 or 96 bits): read as the ISO-8601 string of {@code Date.toJSON()}, or null for
 *       a time JavaScript cannot hold (option {@link Builder#dates});
 *   <li>integers as exactly as they were written: uint 64 beyond {@code Long.MAX_VALUE} becomes a
 *       {@code BigInteger} (notepack would round it to a double).
 * </ul>
 *
 * <p>Everything read is untrusted. Every length a header announces is checked against the bytes
 * left before anything is allocated; nesting is bounded by {@link Builder#maxDepth} (default
 * {@value #DEFAULT_MAX_DEPTH}, which also bounds the stack the reader uses); any other extension
 * type, a non-string map key, the reserved byte {@code 0xc1} or trailing bytes are a {@link
 * ProtocolException}. No type information is ever taken from the input.
 *
 * <p>Written against the MessagePack specification with no library, so sio4j-protocol has no
 * dependency beyond Jackson. Immutable and thread-safe.
 */
public final class MsgpackCodec {
  /**
   * Default nesting limit. Lower than Jackson's 1000 for JSON on purpose: this reader and Jackson's
   * tree serializer recurse once per level, and 500 levels stay well inside a 1 MB thread stack (an
   * event loop's) wherever the tree goes next. No real Socket.IO payload nests that deep.
   */
  public static final int DEFAULT_MAX_DEPTH = 500;

  private static final MsgpackCodec DEFAULTS = new Builder().build();

  private final int maxDepth;
  private final boolean dates;
  private final boolean arrayBuffers;

  private MsgpackCodec(Builder b) {
    this.maxDepth = b.maxDepth;
    this.dates = b.dates;
    this.arrayBuffers = b.arrayBuffers;
  }

  /**
   * The codec with every default: depth {@value #DEFAULT_MAX_DEPTH}, dates and ArrayBuffers read.
   */
  public static MsgpackCodec defaults() {
    return DEFAULTS;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes one value.
   *
   * @throws IllegalArgumentException when the tree holds a node with no MessagePack form or nests
   *     deeper than {@link #maxDepth()} (which also stops a tree that contains itself)
   */
  public byte[] encode(JsonNode node) {
    MsgpackWriter writer = new MsgpackWriter(maxDepth);
    try {
      writer.write(node, 0);
    } catch (IOException e) {
      throw new IllegalArgumentException("msgpack: cannot read a binary node", e);
    }
    return writer.toByteArray();
  }

  /**
   * Reads exactly one value spanning all of {@code bytes}; JavaScript's {@code undefined} at the
   * top reads as null.
   *
   * @throws ProtocolException when the bytes are not one well-formed value within the limits
   */
  public JsonNode decode(byte[] bytes) throws ProtocolException {
    try {
      return new MsgpackReader(bytes, this).readAll();
    } catch (StackOverflowError e) {
      // only with a maxDepth set beyond what this thread's stack holds; the reader keeps no state
      throw new ProtocolException("msgpack nesting too deep for this thread's stack");
    }
  }

  /** The deepest nesting of arrays and maps that is read or written. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Whether notepack's Date extensions are read (as ISO-8601 strings). */
  public boolean dates() {
    return dates;
  }

  /** Whether notepack's ArrayBuffer extension (ext type 0) is read (as binary). */
  public boolean arrayBuffers() {
    return arrayBuffers;
  }

  @Override
  public String toString() {
    return "MsgpackCodec[maxDepth="
        + maxDepth
        + ", dates="
        + dates
        + ", arrayBuffers="
        + arrayBuffers
        + "]";
  }

  /**
   * Builds a {@link MsgpackCodec}, validating in {@link #build()}.
   *
   * <pre>{@code
   * MsgpackCodec strict = MsgpackCodec.builder().maxDepth(32).dates(false).build();
   * }</pre>
   *
   * <p>Not thread-safe; the codec it builds is.
   */
  public static final class Builder {
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private boolean dates = true;
    private boolean arrayBuffers = true;

    private Builder() {}

    /**
     * The deepest nesting of arrays and maps (default {@value #DEFAULT_MAX_DEPTH}); {@code [[1]]}
     * nests 2 deep. Deeper input is a {@link ProtocolException}, a deeper tree to write an {@link
     * IllegalArgumentException}.
     */
    public Builder maxDepth(int maxDepth) {
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Whether Date extensions are read (default true): notepack.io 2's fixext 8 type 0 and the
     * standard timestamp type -1 that notepack.io 3 writes. When false they are refused like any
     * unknown extension.
     */
    public Builder dates(boolean dates) {
      this.dates = dates;
      return this;
    }

    /**
     * Whether notepack.io 2's ArrayBuffer extension (ext 8/16/32 type 0) is read as binary (default
     * true; browsers and notepack.io 3 send {@code bin} instead). When false it is refused.
     */
    public Builder arrayBuffers(boolean arrayBuffers) {
      this.arrayBuffers = arrayBuffers;
      return this;
    }

    /**
     * The codec.
     *
     * @throws IllegalArgumentException when {@code maxDepth < 1}
     */
    public MsgpackCodec build() {
      if (maxDepth < 1) throw new IllegalArgumentException("maxDepth < 1: " + maxDepth);
      return new MsgpackCodec(this);
    }
  }
}
