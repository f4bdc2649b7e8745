package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sio4j.protocol.ProtocolException;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Set;

/**
 * The socket.io-parser 4.2.7 decoder, with its payload checks, plus bounds on every number it reads
 * (CVE-2020-36049, CVE-2026-33151). Not thread-safe: one per connection.
 */
final class JsonPacketDecoder implements PacketDecoder {
  /** Event names the official parser refuses to deliver (socket.io-parser 4.2.4). */
  static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  /** Ack ids are JS numbers; more digits than this cannot be a real counter. */
  static final int MAX_ACK_ID_DIGITS = 16;

  /** No attachment count needs more digits than an int. */
  private static final int MAX_ATTACHMENT_DIGITS = 9;

  private static final int ERROR_EXCERPT = 32;

  private final ObjectReader reader;
  private final int maxAttachments;

  // null but between a binary packet's header and its last attachment: a decoder per connection
  // is then 24 bytes rather than 40 (issue 12)
  private Partial partial;

  /** A binary packet awaiting its attachments. */
  private record Partial(
      SocketPacket packet, Placeholders placeholders, List<byte[]> attachments, int expected) {}

  JsonPacketDecoder(ObjectMapper mapper, int maxAttachments) {
    this(readerOf(mapper), maxAttachments);
  }

  /** With a reader shared by every decoder of a parser (immutable, thread-safe). */
  JsonPacketDecoder(ObjectReader reader, int maxAttachments) {
    this.reader = reader;
    this.maxAttachments = maxAttachments;
  }

  /** The reader decoders use: a whole payload must be one JSON value. */
  static ObjectReader readerOf(ObjectMapper mapper) {
    return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  @Override
  public SocketPacket decodeText(String text) throws ProtocolException {
    if (partial != null) {
      reset();
      throw new ProtocolException("got a text packet while awaiting binary attachments");
    }
    try {
      return parse(text);
    } catch (ProtocolException e) {
      reset();
      throw e;
    }
  }

  @Override
  public SocketPacket decodeBinary(byte[] data) throws ProtocolException {
    Partial p = partial;
    if (p == null) {
      throw new ProtocolException("got a binary frame when no attachment was expected");
    }
    p.attachments().add(data);
    if (p.attachments().size() < p.expected()) return null;
    p.placeholders().fill(p.attachments());
    reset();
    return p.packet();
  }

  @Override
  public boolean awaitingAttachments() {
    return partial != null;
  }

  @Override
  public void reset() {
    partial = null;
  }

  private SocketPacket parse(String s) throws ProtocolException {
    int len = s.length();
    if (len == 0) throw new ProtocolException("empty packet");
    int digit = s.charAt(0) - '0';
    if (digit < 0 || digit > 6) throw new ProtocolException("unknown packet type " + excerpt(s));
    SocketPacketType type = SocketPacketType.fromId(digit);
    int i = 1;

    int attachmentCount = 0;
    if (type.isBinary()) {
      int start = i;
      long n = 0;
      while (i < len && isDigit(s.charAt(i))) {
        if (i - start >= MAX_ATTACHMENT_DIGITS) throw new ProtocolException("too many attachments");
        n = n * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || i == len || s.charAt(i) != '-') {
        throw new ProtocolException("illegal attachments in " + excerpt(s));
      }
      // socket.io-parser 4.2.7 refuses a binary packet without attachments
      if (n < 1) throw new ProtocolException("illegal attachments in " + excerpt(s));
      if (n > maxAttachments) throw new ProtocolException("too many attachments: " + n);
      attachmentCount = (int) n;
      i++;
    }

    String namespace = SocketPacket.MAIN_NAMESPACE;
    if (i < len && s.charAt(i) == '/') {
      int comma = s.indexOf(',', i);
      int end = comma < 0 ? len : comma;
      namespace = s.substring(i, end);
      i = comma < 0 ? len : comma + 1;
    }

    long ackId = -1;
    if (i < len && isDigit(s.charAt(i))) {
      int start = i;
      long id = 0;
      while (i < len && isDigit(s.charAt(i))) {
        if (i - start >= MAX_ACK_ID_DIGITS) throw new ProtocolException("ack id too long");
        id = id * 10 + (s.charAt(i) - '0');
        i++;
      }
      ackId = id;
    }

    JsonNode data = null;
    if (i < len) {
      try {
        // read in place: no copy of the payload as a String of its own
        data = reader.readTree(new TailReader(s, i));
      } catch (IOException e) {
        throw new ProtocolException("invalid JSON payload in " + excerpt(s));
      }
    }
    validate(type, ackId, data);

    SocketPacket packet = new SocketPacket(type, namespace, ackId, data);
    if (!type.isBinary()) return packet;
    Placeholders found = Placeholders.find(data, attachmentCount);
    partial = new Partial(packet, found, Placeholders.newBuffer(attachmentCount), attachmentCount);
    return null;
  }

  private static void validate(SocketPacketType type, long ackId, JsonNode data)
      throws ProtocolException {
    boolean valid =
        switch (type) {
          case CONNECT -> data == null || data.isObject();
          case DISCONNECT -> data == null;
          case CONNECT_ERROR -> data != null && (data.isObject() || data.isTextual());
          case EVENT, BINARY_EVENT -> data != null && isValidEvent(data);
          case ACK, BINARY_ACK -> data != null && data.isArray() && ackId >= 0;
        };
    if (!valid) throw new ProtocolException("invalid payload for " + type);
  }

  private static boolean isValidEvent(JsonNode data) {
    if (!data.isArray() || data.isEmpty()) return false;
    JsonNode name = data.get(0);
    // a number, as in socket.io-parser, but a finite one: NaN or Infinity would go back to the peer
    // as null (JSON.stringify), a packet that no decoder accepts (found by SocketDecoderFuzzTest)
    if (name.isNumber())
      return !name.isFloatingPointNumber() || Double.isFinite(name.doubleValue());
    return name.isTextual() && !RESERVED_EVENTS.contains(name.textValue());
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static String excerpt(String s) {
    String head = s.length() <= ERROR_EXCERPT ? s : s.substring(0, ERROR_EXCERPT) + "...";
    return '"' + head.replaceAll("[^\\x20-\\x7e]", "?") + '"';
  }

  /**
   * The characters of a String from an offset on, as a {@link Reader}, without a lock or a copy.
   */
  private static final class TailReader extends Reader {
    private final String s;
    private int pos;

    TailReader(String s, int from) {
      this.s = s;
      this.pos = from;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      int left = s.length() - pos;
      if (left <= 0) return -1;
      int n = Math.min(left, len);
      s.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public int read() {
      return pos < s.length() ? s.charAt(pos++) : -1;
    }

    @Override
    public void close() {}
  }
}
