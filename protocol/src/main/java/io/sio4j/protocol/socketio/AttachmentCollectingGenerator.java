package io.sio4j.protocol.socketio;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JSON generator that writes {@code {"_placeholder":true,"num":N}} wherever a serializer writes
 * binary, and keeps the bytes as attachment N. Every Jackson path to binary ({@code byte[]}, {@code
 * ByteBuffer}, {@code BinaryNode}) ends in {@code writeBinary}, so one override covers values and
 * trees alike, in a single serialisation pass.
 *
 * <p>Not thread-safe: one per encoding.
 */
final class AttachmentCollectingGenerator extends JsonGeneratorDelegate {
  private final List<byte[]> attachments = new ArrayList<>();

  AttachmentCollectingGenerator(JsonGenerator delegate) {
    super(delegate, false);
  }

  /** The collected attachments, in placeholder order. */
  List<byte[]> attachments() {
    return attachments;
  }

  @Override
  public void writeBinary(Base64Variant variant, byte[] data, int offset, int len)
      throws IOException {
    byte[] bytes =
        offset == 0 && len == data.length ? data : Arrays.copyOfRange(data, offset, offset + len);
    writePlaceholder(bytes);
  }

  @Override
  public int writeBinary(Base64Variant variant, InputStream data, int dataLength)
      throws IOException {
    byte[] bytes = read(data, dataLength);
    if (dataLength >= 0 && bytes.length < dataLength) {
      throw new IOException("binary stream ended after " + bytes.length + " of " + dataLength);
    }
    writePlaceholder(bytes);
    return bytes.length;
  }

  /** All of {@code in}, or its first {@code max} bytes (InputStream.readNBytes is Android 33). */
  private static byte[] read(InputStream in, int max) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int left = max < 0 ? Integer.MAX_VALUE : max;
    int n;
    while (left > 0 && (n = in.read(chunk, 0, Math.min(chunk.length, left))) != -1) {
      out.write(chunk, 0, n);
      left -= n;
    }
    return out.toByteArray();
  }

  private void writePlaceholder(byte[] bytes) throws IOException {
    int num = attachments.size();
    attachments.add(bytes);
    JsonGenerator g = delegate();
    g.writeStartObject();
    g.writeBooleanField(Placeholders.FLAG, true);
    g.writeNumberField(Placeholders.NUM, num);
    g.writeEndObject();
  }
}
