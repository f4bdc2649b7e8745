package io.sio4j.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** gzip for responses and the {@code Accept-Encoding} check. Stateless and thread-safe. */
final class Compression {
  /** Bodies smaller than this are sent as they are (as compression middleware does). */
  static final int MIN_SIZE = 1024;

  private Compression() {}

  /** Whether {@code Accept-Encoding} allows gzip (listed, or {@code *}, with a q-value above 0). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    boolean wildcard = false;
    for (String part : acceptEncoding.split(",", 32)) {
      String[] fields = part.trim().split(";", 4);
      String coding = fields[0].trim().toLowerCase(Locale.ROOT);
      boolean allowed = qualityAboveZero(fields);
      if (coding.equals("gzip") || coding.equals("x-gzip")) return allowed;
      if (coding.equals("*")) wildcard = allowed;
    }
    return wildcard;
  }

  private static boolean qualityAboveZero(String[] fields) {
    for (int i = 1; i < fields.length; i++) {
      String f = fields[i].trim();
      if (f.startsWith("q=")) {
        try {
          return Double.parseDouble(f.substring(2)) > 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** The gzip of {@code data}. */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
