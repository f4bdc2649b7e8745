package io.sio4j.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An Engine.IO MESSAGE packet ready to be written to any number of sessions. It is immutable and
 * thread-safe; the wire bytes for each transport are computed at most once and shared by every
 * session it is written to, which is how a broadcast encodes once and fans out the same bytes.
 *
 * <pre>{@code
 * OutboundMessage m = OutboundMessage.text("2[\"chat\",\"hi\"]");
 * for (EngineSocket s : recipients) s.send(m);
 * }</pre>
 */
public final class OutboundMessage {
  private final String text;
  private final byte[] binary;
  private final boolean isVolatile;
  private final boolean compress;
  // "4" + text, UTF-8, lazily computed once; published with release/acquire (see textPacketBytes)
  private byte[] textFrameBytes;

  private static final VarHandle TEXT_FRAME_BYTES;

  static {
    try {
      TEXT_FRAME_BYTES =
          MethodHandles.lookup()
              .findVarHandle(OutboundMessage.class, "textFrameBytes", byte[].class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private OutboundMessage(String text, byte[] binary, boolean isVolatile, boolean compress) {
    this.text = text;
    this.binary = binary;
    this.isVolatile = isVolatile;
    this.compress = compress;
  }

  /** A text message (the payload after the Engine.IO type digit {@code 4}). */
  public static OutboundMessage text(String text) {
    return new OutboundMessage(Objects.requireNonNull(text, "text"), null, false, true);
  }

  /** A binary message. The array is not copied and must not be modified afterwards. */
  public static OutboundMessage binary(byte[] data) {
    return new OutboundMessage(null, Objects.requireNonNull(data, "data"), false, true);
  }

  /** A copy that may be dropped when the session cannot write it right now. */
  public OutboundMessage asVolatile() {
    return new OutboundMessage(text, binary, true, compress);
  }

  /** A copy with per-message compression allowed or not (HTTP compression, permessage-deflate). */
  public OutboundMessage withCompress(boolean compress) {
    return new OutboundMessage(text, binary, isVolatile, compress);
  }

  /** Whether this is a binary message. */
  public boolean isBinary() {
    return binary != null;
  }

  /** The text payload, or {@code null} for a binary message. */
  public String text() {
    return text;
  }

  /** The binary payload, or {@code null} for a text message. Must not be modified. */
  public byte[] binary() {
    return binary;
  }

  /** Whether the message may be dropped when it cannot be written right away. */
  public boolean isVolatile() {
    return isVolatile;
  }

  /** Whether compression is allowed for this message. */
  public boolean compress() {
    return compress;
  }

  /**
   * The UTF-8 bytes of the complete text packet ({@code '4'} followed by the text), computed once.
   * Only for text messages. Must not be modified.
   */
  public byte[] textPacketBytes() {
    // acquire/release instead of a volatile field: the same safe publication of the array to the
    // other loops of a broadcast, without the full fence a volatile store costs on every message
    byte[] b = (byte[]) TEXT_FRAME_BYTES.getAcquire(this);
    if (b == null) {
      // the text's UTF-8 behind the type byte, without a concatenated string between them
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      b = new byte[utf8.length + 1];
      b[0] = '4';
      System.arraycopy(utf8, 0, b, 1, utf8.length);
      TEXT_FRAME_BYTES.setRelease(this, b);
    }
    return b;
  }
}
