package io.sio4j.server;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Random ids: 15 bytes (120 bits) of {@link SecureRandom}, base64url, like the official base64id.
 *
 * <p>The random bytes are drawn in blocks, as base64id does with its 4 KiB buffer: one {@code
 * nextBytes} call (a read of {@code /dev/urandom} under a lock with the default provider) serves
 * 273 ids instead of one, and an id is encoded straight from the block (one id per connecting
 * socket: issue 12). Thread-safe.
 */
final class Ids {
  private static final int ID_BYTES = 15;
  private static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] POOL = new byte[ID_BYTES * 273]; // guarded by itself
  private static int next = POOL.length; // guarded by POOL

  private Ids() {}

  static String newId() {
    byte[] out = new byte[ID_BYTES / 3 * 4];
    synchronized (POOL) {
      if (next == POOL.length) {
        RANDOM.nextBytes(POOL);
        next = 0;
      }
      // 3 bytes -> 4 characters of 6 bits each, no padding (15 is a multiple of 3)
      for (int i = next, o = 0; o < out.length; i += 3, o += 4) {
        int bits = (POOL[i] & 0xff) << 16 | (POOL[i + 1] & 0xff) << 8 | (POOL[i + 2] & 0xff);
        out[o] = ALPHABET[bits >>> 18];
        out[o + 1] = ALPHABET[(bits >>> 12) & 0x3f];
        out[o + 2] = ALPHABET[(bits >>> 6) & 0x3f];
        out[o + 3] = ALPHABET[bits & 0x3f];
      }
      next += ID_BYTES;
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }
}
