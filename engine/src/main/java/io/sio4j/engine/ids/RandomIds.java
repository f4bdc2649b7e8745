package io.sio4j.engine.ids;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Random ids: a fixed number of bytes from the operating system's cryptographic generator,
 * base64url without padding. The bytes are drawn in blocks, as the official base64id does with its
 * 4 KiB buffer: one draw serves many ids instead of one (issue 12). A block's bytes are cleared as
 * they are handed out, so it keeps no copy of an id in use. Thread-safe.
 *
 * <p>Where {@code /dev/urandom} can be read, a draw is one read of it, the kernel's generator that
 * Node's {@code crypto.randomBytes} also rests on. The JDK's default {@link SecureRandom} reads the
 * same device and then mixes a SHA1PRNG stream into it in Java, one SHA-1 block per 20 bytes; that
 * code was among the largest the JIT compiled while a fresh server took its first connections.
 * Elsewhere, or if the device fails, a {@link SecureRandom} serves the draws.
 *
 * <p>Shared by the engine's session ids and the server's socket ids; not an application API (this
 * package is exported to {@code io.sio4j.server} only).
 */
public final class RandomIds {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final int idBytes;
  private final byte[] block; // guarded by itself
  private int next; // guarded by block
  private SecureRandom random; // guarded by block; created only when the device cannot serve

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
        draw();
        next = 0;
      }
      bytes = Arrays.copyOfRange(block, next, next + idBytes);
      Arrays.fill(block, next, next + idBytes, (byte) 0);
      next += idBytes;
    }
    return ENCODER.encodeToString(bytes);
  }

  /** Fills the block with fresh random bytes. */
  private void draw() {
    if (Device.fill(block)) return;
    if (random == null) random = new SecureRandom();
    random.nextBytes(block);
  }

  /**
   * {@code /dev/urandom}, opened once per JVM on first use and shared by every generator (a
   * descriptor per server would stay open until its stream was collected).
   */
  private static final class Device {
    private static final String PATH = "/dev/urandom";
    private static InputStream in = open(); // guarded by Device.class; null: none or failed

    private static InputStream open() {
      try {
        return new FileInputStream(PATH);
      } catch (IOException | SecurityException e) {
        return null;
      }
    }

    /** Fills {@code block} from the device; false when there is no device (any more). */
    static synchronized boolean fill(byte[] block) {
      if (in == null) return false;
      try {
        int filled = 0;
        while (filled < block.length) {
          int read = in.read(block, filled, block.length - filled);
          if (read < 0) throw new IOException(PATH + " ended");
          filled += read;
        }
        return true;
      } catch (IOException e) {
        try {
          in.close();
        } catch (IOException ignored) {
          // given up either way
        }
        in = null;
        return false;
      }
    }
  }
}
