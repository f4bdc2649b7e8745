package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.protocol.event.JsonBinding;
import io.sio4j.protocol.event.ValueBinder;
import io.sio4j.protocol.msgpack.MsgpackCodec;
import java.util.Objects;

/**
 * A Socket.IO packet format: the seam between the default JSON parser (socket.io-parser) and
 * alternatives such as msgpack. Both peers must use the same one.
 *
 * <pre>{@code
 * SocketIoParser parser = SocketIoParser.builder().maxAttachments(20).build();
 * EncodedPacket out = parser.encoder().encodeEvent("/", -1, "hello", "world");
 * PacketDecoder in = parser.newDecoder(); // one per connection
 * }</pre>
 *
 * <p>Implementations are thread-safe: one parser serves the whole server.
 */
public interface SocketIoParser {

  /** The encoder; thread-safe, share it. */
  PacketEncoder encoder();

  /** A new decoder for one connection; not thread-safe. */
  PacketDecoder newDecoder();

  /**
   * The binding over the mapper this parser writes and reads with: the server and the client bind
   * incoming arguments with it, so a mapper configured once (modules, naming) works both ways.
   */
  JsonBinding binding();

  /**
   * A new default JSON parser, as npm socket.io-parser 4.2.7 with its defaults, with its own new
   * mapper (nothing is shared between parsers).
   */
  static SocketIoParser json() {
    return new Builder().build();
  }

  /**
   * The msgpack parser, wire-compatible with npm socket.io-msgpack-parser (the client must use it
   * too, e.g. the {@code socket.io.msgpack.min.js} bundle). Values are written and read by {@link
   * MsgpackCodec#defaults()}.
   */
  static SocketIoParser msgpack() {
    return msgpack(JsonBinding.create());
  }

  /** The msgpack parser, turning Java values into trees with {@code binding}. */
  static SocketIoParser msgpack(JsonBinding binding) {
    return msgpack(binding, MsgpackCodec.defaults());
  }

  /**
   * The msgpack parser with its own codec settings, e.g. a lower nesting limit: {@code
   * SocketIoParser.msgpack(JsonBinding.defaults(), MsgpackCodec.builder().maxDepth(32).build())}.
   */
  static SocketIoParser msgpack(JsonBinding binding, MsgpackCodec codec) {
    return new MsgpackSocketIoParser(
        Objects.requireNonNull(binding, "binding"), Objects.requireNonNull(codec, "codec"));
  }

  /** A builder for the JSON parser. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builds the JSON parser (the official default format).
   *
   * <p>Not thread-safe; the parser it builds is.
   */
  final class Builder {
    /** socket.io-parser's default {@code maxAttachments} (CVE-2026-33151). */
    public static final int DEFAULT_MAX_ATTACHMENTS = 10;

    private int maxAttachments = DEFAULT_MAX_ATTACHMENTS;
    private ObjectMapper mapper;
    private ValueBinder values;

    private Builder() {}

    /**
     * The largest number of binary attachments one incoming packet may announce (default 10);
     * larger counts are refused before anything is buffered.
     */
    public Builder maxAttachments(int maxAttachments) {
      if (maxAttachments < 0) throw new IllegalArgumentException("maxAttachments < 0");
      this.maxAttachments = maxAttachments;
      return this;
    }

    /**
     * The Jackson mapper used to write Java values, read payloads and bind arguments (default: a
     * new {@link JsonBinding#newDefaultMapper()} per parser); it must not be reconfigured
     * afterwards.
     */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Binds application values with {@code values} instead of the mapper, which then only reads and
     * writes the wire (see {@link ValueBinder}); the Spring Boot starter passes the application's
     * Jackson 3 mapper this way.
     */
    public Builder values(ValueBinder values) {
      this.values = Objects.requireNonNull(values, "values");
      return this;
    }

    /** The parser. */
    public SocketIoParser build() {
      ObjectMapper m = mapper != null ? mapper : JsonBinding.newDefaultMapper();
      JsonBinding binding = values == null ? JsonBinding.of(m) : JsonBinding.of(m, values);
      return new JsonSocketIoParser(binding, maxAttachments);
    }
  }
}
