package io.sio4j.engine.ids;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Random ids: a fixed number of {@link SecureRandom} bytes, base64url without padding. The bytes
 * are drawn in blocks, as the official base64id does with its 4 KiB buffer: one {@code nextBytes}
 * call (a read of {@code /dev/urandom} under a lock with the default provider, and its mixing
 * buffers) serves many ids instead of one (issue 12). A block's bytes are cleared as they are
 * handed out, so it keeps no copy of an id in use. Thread-safe.
 *
 * <p>Shared by the engine's session ids and the server's socket ids; not an application API (this
 * package is exported to {@code io.sio4j.server} only).
 */
public final class RandomIds {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom random = new SecureRandom();
  private final int idBytes;
  private final byte[] block; // guarded by itself
  private int next; // guarded by block

  /**
   * @param idBytes random bytes per id
   * @param idsPerDraw ids served by one draw of random bytes
   */
  public RandomIds(int idBytes, int idsPerDraw) {
    this.idBytes = idBytes;
    this.block = new byte[idBytes * idsPerDraw];
    this.next = block.length;
  }

  /** A fresh id: {@code idBytes} random bytes, base64url without padding. */
  public String next() {
    byte[] bytes;
    synchronized (block) {
      if (next == block.length) {
        random.nextBytes(block);
        next = 0;
      }
      bytes = Arrays.copyOfRange(block, next, next + idBytes);
      Arrays.fill(block, next, next + idBytes, (byte) 0);
      next += idBytes;
    }
    return ENCODER.encodeToString(bytes);
  }
}
