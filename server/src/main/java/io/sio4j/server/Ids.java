package io.sio4j.server;

import io.sio4j.engine.ids.RandomIds;

/**
 * Socket ids and private session ids: 15 random bytes (120 bits), base64url, like the official
 * base64id, drawn 273 ids at a time (its 4 KiB block; one draw per connecting socket before, issue
 * 12). Thread-safe.
 */
final class Ids {
  private static final RandomIds IDS = new RandomIds(15, 273);

  private Ids() {}

  static String newId() {
    return IDS.next();
  }
}
