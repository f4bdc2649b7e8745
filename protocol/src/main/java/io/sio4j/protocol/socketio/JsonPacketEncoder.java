package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.protocol.engineio.EnginePacket;
import io.sio4j.protocol.event.JsonBinding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The socket.io-parser encoder: {@code <type>[<n>-][<nsp>,][<ackId>][<json>]} then the attachments.
 * Stateless apart from the shared mapper, so thread-safe.
 */
final class JsonPacketEncoder implements PacketEncoder {
  private final ObjectMapper mapper;
  private final JsonBinding binding;

  JsonPacketEncoder(JsonBinding binding) {
    this.binding = binding;
    this.mapper = binding.mapper();
  }

  /** Writes the JSON of one packet body through a generator that collects attachments. */
  @FunctionalInterface
  private interface BodyWriter {
    void write(JsonGenerator g) throws IOException;
  }

  @Override
  public EncodedPacket encode(SocketPacket packet) {
    Objects.requireNonNull(packet, "packet");
    SocketPacketType type = packet.type();
    JsonNode data = packet.data();
    if (type.isEvent() || type.isAck()) {
      if (data == null) return header(plain(type), packet.namespace(), packet.ackId(), null, 0);
      return withAttachments(
          type, packet.namespace(), packet.ackId(), g -> mapper.writeTree(g, data));
    }
    String json;
    try {
      json = data == null ? null : mapper.writeValueAsString(data);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write packet data: " + e.getMessage(), e);
    }
    return header(type, packet.namespace(), packet.ackId(), json, 0);
  }

  @Override
  public EncodedPacket encodeEvent(String namespace, long ackId, String event, Object... args) {
    Objects.requireNonNull(event, "event");
    Object[] values = args == null ? new Object[] {null} : args;
    return withAttachments(
        SocketPacketType.EVENT,
        namespace,
        ackId,
        g -> {
          g.writeStartArray();
          g.writeString(event);
          for (Object v : values) binding.writeValue(g, v);
          g.writeEndArray();
        });
  }

  @Override
  public EncodedPacket encodeAck(String namespace, long ackId, Object... args) {
    if (ackId < 0) throw new IllegalArgumentException("an ACK needs an ack id");
    Object[] values = args == null ? new Object[] {null} : args;
    return withAttachments(
        SocketPacketType.ACK,
        namespace,
        ackId,
        g -> {
          g.writeStartArray();
          for (Object v : values) binding.writeValue(g, v);
          g.writeEndArray();
        });
  }

  @Override
  public EncodedPacket encodeConnect(String namespace, String sid, String pid) {
    Objects.requireNonNull(sid, "sid");
    checkNamespace(namespace);
    // constant keys around the ids quoted by Jackson's string encoder, rather than a generator per
    // connecting socket (its context, writer and buffers were ~500 bytes of garbage, issue 12)
    StringBuilder sb = new StringBuilder(32 + sid.length() + (pid == null ? 0 : pid.length()));
    writeHeader(sb, SocketPacketType.CONNECT, namespace, -1, 0);
    JsonStringEncoder quoter = JsonStringEncoder.getInstance();
    quoter.quoteAsString(sid, sb.append("{\"sid\":\""));
    if (pid != null) quoter.quoteAsString(pid, sb.append("\",\"pid\":\""));
    sb.append("\"}");
    return new EncodedPacket(List.of(EnginePacket.message(sb.toString())));
  }

  private EncodedPacket withAttachments(
      SocketPacketType type, String namespace, long ackId, BodyWriter body) {
    checkNamespace(namespace);
    List<byte[]> attachments;
    TextWriter out = new TextWriter(128);
    int headerLength;
    try {
      // the header goes first into the generator's writer, so a packet without attachments is one
      // String built once (no separate JSON String, header builder and concatenation)
      writeHeader(out.builder(), plain(type), namespace, ackId, 0);
      headerLength = out.builder().length();
      AttachmentCollectingGenerator g =
          new AttachmentCollectingGenerator(mapper.getFactory().createGenerator(out));
      body.write(g);
      g.close();
      attachments = g.attachments();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write packet data: " + e.getMessage(), e);
    }
    if (attachments.isEmpty()) {
      return new EncodedPacket(List.of(EnginePacket.message(out.builder().toString())));
    }
    // the attachment count belongs in the header, known only now
    StringBuilder json = out.builder();
    StringBuilder sb = new StringBuilder(json.length() + 8);
    writeHeader(sb, binary(type), namespace, ackId, attachments.size());
    sb.append(json, headerLength, json.length());
    List<EnginePacket> frames = new ArrayList<>(attachments.size() + 1);
    frames.add(EnginePacket.message(sb.toString()));
    for (byte[] a : attachments) frames.add(EnginePacket.binary(a));
    return new EncodedPacket(frames);
  }

  private static EncodedPacket header(
      SocketPacketType type, String namespace, long ackId, String json, int attachments) {
    checkNamespace(namespace);
    StringBuilder sb = new StringBuilder(16 + (json == null ? 0 : json.length()));
    writeHeader(sb, type, namespace, ackId, attachments);
    if (json != null) sb.append(json);
    return new EncodedPacket(List.of(EnginePacket.message(sb.toString())));
  }

  private static void checkNamespace(String namespace) {
    if (namespace != null && !namespace.isEmpty() && namespace.charAt(0) != '/') {
      throw new IllegalArgumentException("namespace must start with '/': " + namespace);
    }
  }

  /** {@code <type>[<n>-][<nsp>,][<ackId>]}. */
  private static void writeHeader(
      StringBuilder sb, SocketPacketType type, String namespace, long ackId, int attachments) {
    sb.append((char) ('0' + type.id()));
    if (type.isBinary()) sb.append(attachments).append('-');
    if (namespace != null
        && !namespace.isEmpty()
        && !SocketPacket.MAIN_NAMESPACE.equals(namespace)) {
      sb.append(namespace).append(',');
    }
    if (ackId >= 0) sb.append(ackId);
  }

  /**
   * A {@link Writer} into a {@link StringBuilder}: {@code StringWriter}'s {@code StringBuffer}
   * takes a lock per call. Not thread-safe: one per encoding.
   */
  private static final class TextWriter extends Writer {
    private final StringBuilder sb;

    TextWriter(int capacity) {
      this.sb = new StringBuilder(capacity);
    }

    StringBuilder builder() {
      return sb;
    }

    @Override
    public void write(char[] chars, int off, int len) {
      sb.append(chars, off, len);
    }

    @Override
    public void write(int c) {
      sb.append((char) c);
    }

    @Override
    public void write(String str, int off, int len) {
      sb.append(str, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static SocketPacketType plain(SocketPacketType type) {
    return switch (type) {
      case BINARY_EVENT -> SocketPacketType.EVENT;
      case BINARY_ACK -> SocketPacketType.ACK;
      default -> type;
    };
  }

  private static SocketPacketType binary(SocketPacketType type) {
    return type.isEvent() ? SocketPacketType.BINARY_EVENT : SocketPacketType.BINARY_ACK;
  }
}
