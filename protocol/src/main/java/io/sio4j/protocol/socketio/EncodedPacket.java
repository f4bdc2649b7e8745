package io.sio4j.protocol.socketio;

import io.sio4j.protocol.engineio.EnginePacket;
import java.util.List;

/**
 * A Socket.IO packet ready for Engine.IO: the text header frame first, then one binary frame per
 * attachment, in order. Encode once, write the same frames to every recipient.
 *
 * <pre>{@code
 * EncodedPacket encoded = parser.encoder().encodeEvent("/", -1, "image", pngBytes);
 * for (EnginePacket frame : encoded.frames()) socket.send(frame);
 * }</pre>
 *
 * <p>Immutable list; the attachment byte arrays are shared, not copied, so nobody may change them
 * once encoded. Thread-safe.
 *
 * @param frames the Engine.IO MESSAGE packets, never empty
 */
public record EncodedPacket(List<EnginePacket> frames) {

  /** Copies the list (not the byte arrays). */
  public EncodedPacket {
    frames = List.copyOf(frames);
    if (frames.isEmpty() || frames.get(0).isBinary()) {
      throw new IllegalArgumentException("the first frame must be the text header");
    }
  }

  /** The text of the header frame, e.g. {@code 2["hello"]} or {@code 51-["a",{...}]}. */
  public String text() {
    return frames.get(0).text();
  }

  /** The number of binary attachments that follow the header. */
  public int attachmentCount() {
    return frames.size() - 1;
  }
}
