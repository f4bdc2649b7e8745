package io.sio4j.protocol.socketio;

import io.sio4j.protocol.engineio.EnginePacket;
import java.util.List;

/**
 * A Socket.IO packet ready for Engine.IO: the Engine.IO MESSAGE packets to write, in order. With
 * the JSON parser that is the text header frame, then one binary frame per attachment; another
 * parser (msgpack) may send the whole packet as one binary frame, so transports should write {@link
 * #frames()} as they are rather than assume a text first frame. Encode once, write the same frames
 * to every recipient.
 *
 * <pre>{@code
 * EncodedPacket encoded = parser.encoder().encodeEvent("/", -1, "image", pngBytes);
 * for (EnginePacket frame : encoded.frames()) socket.send(frame);
 * }</pre>
 *
 * <p>Immutable list; the byte arrays are shared, not copied, so nobody may change them once
 * encoded. Thread-safe.
 *
 * @param frames the Engine.IO MESSAGE packets, never empty
 */
public record EncodedPacket(List<EnginePacket> frames) {

  /** Copies the list (not the byte arrays). */
  public EncodedPacket {
    frames = List.copyOf(frames);
    if (frames.isEmpty()) throw new IllegalArgumentException("an encoded packet has frames");
  }

  /**
   * The text of the first frame, e.g. {@code 2["hello"]} or {@code 51-["a",{...}]}; null when the
   * first frame is binary (never with the JSON parser).
   */
  public String text() {
    EnginePacket first = frames.get(0);
    return first.isBinary() ? null : first.text();
  }

  /** The number of binary frames after the first (the attachments, with the JSON parser). */
  public int attachmentCount() {
    return frames.size() - 1;
  }
}
