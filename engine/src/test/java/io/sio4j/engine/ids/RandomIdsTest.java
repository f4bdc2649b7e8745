package io.sio4j.engine.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RandomIds: fresh random bytes in every id, across draws and threads. */
class RandomIdsTest {
  @Test
  void everyByteValueIsAboutEquallyLikelyAcrossManyDraws() {
    RandomIds ids = new RandomIds(20, 32);
    int[] counts = new int[256];
    int ids256k = 256 * 1_000 / 20 + 1; // about 1,000 bytes per value, over 400 draws
    for (int i = 0; i < ids256k; i++) {
      for (byte b : Base64.getUrlDecoder().decode(ids.next())) counts[b & 0xff]++;
    }
    // a draw that left a block unfilled (zeros) or repeated would push a count far outside this
    for (int v = 0; v < 256; v++) assertThat(counts[v]).as("byte %d", v).isBetween(700, 1_350);
  }

  @Test
  void idsAreDistinctAcrossThreadsAndDraws() throws Exception {
    RandomIds ids = new RandomIds(15, 273);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<Void>> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      threads.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 5_000; i++) {
                  String id = ids.next();
                  assertThat(id).matches("[A-Za-z0-9_-]{20}");
                  assertThat(seen.add(id)).as("repeated %s", id).isTrue();
                }
              }));
    }
    CompletableFuture.allOf(threads.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertThat(seen).hasSize(20_000);
    Set<Integer> lengths = new HashSet<>();
    for (String id : seen) lengths.add(Base64.getUrlDecoder().decode(id).length);
    assertThat(lengths).containsExactly(15);
  }
}
