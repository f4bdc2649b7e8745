package io.sio4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids: base64url of 15 random bytes, drawn from blocks, never repeated across blocks. */
class IdsTest {
  @Test
  void idsAreBase64UrlOfFifteenBytesAndDistinctAcrossSeveralBlocks() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) { // over 7 blocks of 273 ids
      String id = Ids.newId();
      assertEquals(20, id.length(), id);
      assertTrue(id.matches("[A-Za-z0-9_-]{20}"), id);
      assertEquals(15, Base64.getUrlDecoder().decode(id).length);
      assertTrue(seen.add(id), "repeated id " + id);
    }
  }

  @Test
  void encodingMatchesTheJdkEncoderBitForBit() {
    // every 6-bit value shows up: the characters are spread over the whole alphabet
    Set<Character> chars = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String id = Ids.newId();
      byte[] raw = Base64.getUrlDecoder().decode(id);
      assertEquals(id, Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
      for (char c : id.toCharArray()) chars.add(c);
    }
    assertEquals(64, chars.size());
  }
}
