package io.sio4j.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Static files from a directory and from the class path. */
class StaticFilesTest {
  @TempDir Path root;
  @TempDir Path outside;
  private StaticFiles files;

  @BeforeEach
  void createFiles() throws IOException {
    Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/readme.txt"), "read me");
    Files.writeString(root.resolve("app.js"), "console.log('x');\n".repeat(200));
    Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(outside.resolve("secret.txt"), "top secret");
    files = StaticFiles.fromDirectory(root);
  }

  private FakeExchange.Response get(StaticFiles handler, String uri) {
    FakeExchange ex = FakeExchange.get(uri);
    assertThat(handler.handle(ex)).as("handled %s", uri).isTrue();
    return ex.response();
  }

  @Test
  void servesFilesWithTypesAndValidators() {
    FakeExchange.Response r = get(files, "/docs/readme.txt");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("read me");
    assertThat(r.header("content-type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.header("etag")).startsWith("W/\"");
    assertThat(r.header("last-modified")).endsWith("GMT");
    assertThat(r.header("cache-control")).isEqualTo("public, max-age=0");
    assertThat(get(files, "/logo.png").header("content-type")).isEqualTo("image/png");
    assertThat(get(files, "/app.js").header("content-type"))
        .isEqualTo("text/javascript; charset=utf-8");
  }

  @Test
  void indexForTheRootAndDirectories() throws IOException {
    assertThat(get(files, "/").text()).isEqualTo("<h1>home</h1>");
    FakeExchange.Response redirect = get(files, "/docs?x=1");
    assertThat(redirect.status()).isEqualTo(301);
    assertThat(redirect.header("location")).isEqualTo("/docs/?x=1");
    FakeExchange noIndex = FakeExchange.get("/docs/");
    assertThat(files.handle(noIndex)).as("no docs/index.html: passed on").isFalse();
  }

  @Test
  void notModifiedByETagOrDate() throws IOException {
    String etag = get(files, "/docs/readme.txt").header("etag");
    FakeExchange byTag = FakeExchange.get("/docs/readme.txt").with("If-None-Match", etag);
    files.handle(byTag);
    assertThat(byTag.response().status()).isEqualTo(304);
    assertThat(byTag.response().body()).isEmpty();

    Files.setLastModifiedTime(
        root.resolve("docs/readme.txt"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    FakeExchange byDate =
        FakeExchange.get("/docs/readme.txt")
            .with("If-Modified-Since", "Wed, 01 Jan 2020 00:00:00 GMT");
    files.handle(byDate);
    assertThat(byDate.response().status()).isEqualTo(304);
    FakeExchange stale =
        FakeExchange.get("/docs/readme.txt")
            .with("If-Modified-Since", "Tue, 31 Dec 2019 23:59:59 GMT");
    files.handle(stale);
    assertThat(stale.response().status()).isEqualTo(200);
  }

  @Test
  void changedFileIsServedFreshDespiteTheCache() throws IOException {
    assertThat(get(files, "/docs/readme.txt").text()).isEqualTo("read me");
    Files.writeString(root.resolve("docs/readme.txt"), "changed, longer");
    assertThat(get(files, "/docs/readme.txt").text()).isEqualTo("changed, longer");
  }

  @Test
  void headAndGzip() {
    FakeExchange head = new FakeExchange("HEAD", "/app.js");
    assertThat(files.handle(head)).isTrue();
    assertThat(head.response().status()).isEqualTo(200);
    assertThat(head.response().body()).isEmpty();
    FakeExchange gz = FakeExchange.get("/app.js").with("Accept-Encoding", "gzip, deflate");
    files.handle(gz);
    assertThat(gz.response().header("content-encoding")).isEqualTo("gzip");
    assertThat(gz.response().body().length).isLessThan(200 * 18);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.txt",
        "/docs/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/docs/%2e%2e/%2e%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/docs\\..\\..\\secret.txt",
        "//etc/passwd",
        "/C:/Windows/win.ini",
        "/index.html%00.txt",
        "/./index.html"
      })
  void traversalAttemptsAreRefused(String uri) {
    FakeExchange ex = FakeExchange.get(uri);
    assertThat(files.handle(ex)).as(uri).isTrue();
    assertThat(ex.response().status()).as(uri).isEqualTo(400);
    assertThat(ex.response().text()).doesNotContain("top secret");
  }

  @Test
  void symbolicLinkOutOfTheRootIsNotFollowed() throws IOException {
    Files.createSymbolicLink(root.resolve("escape.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("inside.txt"), root.resolve("docs/readme.txt"));
    FakeExchange escape = FakeExchange.get("/escape.txt");
    assertThat(files.handle(escape)).isFalse();
    assertThat(get(files, "/inside.txt").text()).isEqualTo("read me");
  }

  @Test
  void missingFilesAndOtherMethodsArePassedOn() {
    assertThat(files.handle(FakeExchange.get("/nope.txt"))).isFalse();
    assertThat(files.handle(new FakeExchange("POST", "/index.html"))).isFalse();
  }

  /** Probing for files costs no memory: not-found answers are never cached. */
  @Test
  void missingPathsLeaveNothingBehind() {
    for (int i = 0; i < 1000; i++) {
      assertThat(files.handle(FakeExchange.get("/nope-" + i + ".txt"))).isFalse();
      assertThat(files.handle(FakeExchange.get("/missing-dir-" + i + "/"))).isFalse();
    }
    assertThat(files.cachedFiles()).isZero();
    assertThat(files.cachedBytes()).isZero();
  }

  /** Tiny (even empty) files count against the entry bound, 256 by default. */
  @Test
  void cachedFilesStopAtTheDefaultEntryBound() throws IOException {
    for (int i = 0; i < 300; i++) Files.write(root.resolve("empty-" + i), new byte[0]);
    for (int i = 0; i < 300; i++) assertThat(get(files, "/empty-" + i).status()).isEqualTo(200);
    assertThat(files.cachedFiles()).isEqualTo(256);
  }

  @Test
  void cachedFilesStopAtTheConfiguredBounds() throws IOException {
    for (int i = 0; i < 5; i++) Files.writeString(root.resolve("f" + i + ".bin"), "x".repeat(100));
    StaticFiles byCount = files.maxCachedFiles(2);
    StaticFiles byBytes = files.maxCacheBytes(250);
    for (int i = 0; i < 5; i++) {
      assertThat(get(byCount, "/f" + i + ".bin").text()).hasSize(100);
      assertThat(get(byBytes, "/f" + i + ".bin").text()).hasSize(100);
    }
    assertThat(byCount.cachedFiles()).isEqualTo(2);
    assertThat(byBytes.cachedFiles()).isEqualTo(2);
    assertThat(byBytes.cachedBytes()).isEqualTo(200);
    // an evicted file is read again
    assertThat(get(byCount, "/f0.bin").text()).hasSize(100);
    assertThat(files.maxCachedFiles(0).cachedFiles()).isZero();
  }

  @Test
  void mountedBelowAPath() {
    StaticFiles mounted = files.mountedAt("/assets");
    assertThat(get(mounted, "/assets/docs/readme.txt").text()).isEqualTo("read me");
    assertThat(get(mounted, "/assets").status()).isEqualTo(301);
    assertThat(mounted.handle(FakeExchange.get("/docs/readme.txt"))).isFalse();
    assertThat(mounted.handle(FakeExchange.get("/assetsdocs/readme.txt"))).isFalse();
  }

  @Test
  void oversizedFileIsRefused() {
    FakeExchange.Response r = get(files.maxFileSize(10), "/app.js");
    assertThat(r.status()).isEqualTo(500);
  }

  @Test
  void customExecutorReadsTheFile() {
    int[] ran = {0};
    StaticFiles direct =
        files.executor(
            task -> {
              ran[0]++;
              task.run();
            });
    assertThat(get(direct, "/docs/readme.txt").text()).isEqualTo("read me");
    assertThat(ran[0]).isEqualTo(1);
  }

  @Test
  void classpathFiles() {
    StaticFiles web = StaticFiles.fromClasspath("web");
    assertThat(get(web, "/").text()).contains("<title>home</title>");
    assertThat(get(web, "/style.css").header("content-type")).isEqualTo("text/css; charset=utf-8");
    assertThat(get(web, "/sub/data.json").text()).contains("\"sub\":true");
    assertThat(get(web, "/sub").status()).isEqualTo(301);
    assertThat(get(web, "/sub/").text()).contains("sub index");
    assertThat(web.handle(FakeExchange.get("/missing.css"))).isFalse();
    assertThat(get(web, "/../web/style.css").status()).isEqualTo(400);
    String etag = get(web, "/style.css").header("etag");
    FakeExchange cached = FakeExchange.get("/style.css").with("If-None-Match", etag);
    web.handle(cached);
    assertThat(cached.response().status()).isEqualTo(304);
  }

  @Test
  void classpathFromAJar(@TempDir Path jarDir) throws Exception {
    Path jar = jarDir.resolve("site.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("site/"));
      out.putNextEntry(new java.util.jar.JarEntry("site/index.html"));
      out.write("jar home".getBytes(StandardCharsets.UTF_8));
      out.putNextEntry(new java.util.jar.JarEntry("site/dir/"));
      out.putNextEntry(new java.util.jar.JarEntry("site/dir/a.txt"));
      out.write("a".getBytes(StandardCharsets.UTF_8));
    }
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
      StaticFiles site = StaticFiles.fromClasspath("/site/", loader);
      assertThat(get(site, "/").text()).isEqualTo("jar home");
      assertThat(get(site, "/dir/a.txt").text()).isEqualTo("a");
      assertThat(get(site, "/dir").status()).isEqualTo(301);
    }
  }
}
