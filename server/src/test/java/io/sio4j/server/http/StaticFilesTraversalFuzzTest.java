package io.sio4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random request paths built from traversal pieces (plain, percent-encoded, double-encoded,
 * backslashes, NUL, absolute) never reach a file outside the served directory.
 */
class StaticFilesTraversalFuzzTest {
  private static final List<String> PIECES =
      List.of(
          "..",
          ".",
          "%2e%2e",
          "%2E%2e",
          "%252e%252e",
          ".%2e",
          "%2e.",
          "...",
          "docs",
          "",
          "secret.txt",
          "inner.txt",
          "%5c",
          "\\",
          "%00",
          "%2f",
          "//",
          "C:",
          "~",
          "%c0%ae%c0%ae");

  @Test
  void randomPathsStayInsideTheRoot(@TempDir Path base) throws IOException {
    Path root = Files.createDirectories(base.resolve("site/public"));
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/inner.txt"), "inside");
    Files.writeString(base.resolve("site/secret.txt"), "top secret");
    Files.writeString(base.resolve("secret.txt"), "top secret");
    StaticFiles files = StaticFiles.fromDirectory(root).executor(Runnable::run);

    Random r = new Random(0x7AA7);
    int served = 0;
    for (int i = 0; i < 1500; i++) {
      StringBuilder uri = new StringBuilder();
      for (int n = 1 + r.nextInt(6); n > 0; n--) {
        uri.append('/').append(PIECES.get(r.nextInt(PIECES.size())));
      }
      FakeExchange ex;
      try {
        ex = FakeExchange.get(uri.toString());
      } catch (IllegalArgumentException undecodable) {
        continue; // not a request the engine would hand us
      }
      if (files.handle(ex)) {
        FakeExchange.Response res = ex.response();
        assertThat(res.text()).as(uri.toString()).doesNotContain("top secret");
        if (res.status() == 200) {
          served++;
          assertThat(res.text()).isEqualTo("inside");
        }
      }
    }
    assertThat(served).as("some paths are legitimate").isPositive();
  }
}
