package io.sio4j.server;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random ids: 15 bytes (120 bits) of {@link SecureRandom}, base64url, like the official base64id.
 */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private Ids() {}

  static String newId() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
