package io.sio4j.server.http;

import io.sio4j.engine.HttpExchange;
import io.sio4j.engine.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves static files from a directory or the class path: {@code index.html} for directories,
 * content types by extension, {@code ETag}/{@code Last-Modified} with 304 answers, HEAD, gzip for
 * text when accepted. Paths are checked before any lookup: {@code ..} (plain or percent-encoded),
 * absolute paths, backslashes, NUL and drive letters get 400, and symbolic links may not leave the
 * root. A request for a missing file is passed on (the handler returns {@code false}).
 *
 * <pre>{@code
 * HttpHandler site = StaticFiles.fromDirectory(Path.of("public"));
 * HttpHandler assets = StaticFiles.fromClasspath("web").mountedAt("/assets");
 * }</pre>
 *
 * <p>Immutable and thread-safe: the {@code with}-style methods return copies. Lookups are a stat on
 * the event loop; reads happen on an executor (default: two shared daemon threads) and recently
 * served files are kept in memory while their size and modification time hold, bounded by {@link
 * #maxCachedFiles(int)} (default 256) and {@link #maxCacheBytes(long)} (default 32 MiB); files over
 * 1 MiB are never kept. Missing paths are never remembered, so probing for files costs no memory.
 */
public final class StaticFiles implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.server");
  private static final int DEFAULT_MAX_CACHED_FILES = 256;
  private static final long DEFAULT_MAX_CACHE_BYTES = 32L << 20;
  private static final long MAX_CACHED_FILE = 1L << 20;

  private final FileSource source;
  private final String mount;
  private final String indexFile;
  private final String cacheControl;
  private final long maxFileSize;
  private final Executor executor;
  private final int maxCachedFiles;
  private final long maxCacheBytes;
  private final FileCache cache;

  private StaticFiles(
      FileSource source,
      String mount,
      String indexFile,
      String cacheControl,
      long maxFileSize,
      Executor executor,
      int maxCachedFiles,
      long maxCacheBytes) {
    this.source = source;
    this.mount = mount;
    this.indexFile = indexFile;
    this.cacheControl = cacheControl;
    this.maxFileSize = maxFileSize;
    this.executor = executor;
    this.maxCachedFiles = maxCachedFiles;
    this.maxCacheBytes = maxCacheBytes;
    this.cache = new FileCache(maxCachedFiles, maxCacheBytes);
  }

  private StaticFiles(
      FileSource source,
      String mount,
      String indexFile,
      String cacheControl,
      long maxFileSize,
      Executor executor) {
    this(
        source,
        mount,
        indexFile,
        cacheControl,
        maxFileSize,
        executor,
        DEFAULT_MAX_CACHED_FILES,
        DEFAULT_MAX_CACHE_BYTES);
  }

  /**
   * Files below {@code root}, mounted at {@code /}.
   *
   * @throws IllegalArgumentException when {@code root} is not a directory
   */
  public static StaticFiles fromDirectory(Path root) {
    return new StaticFiles(
        new DirectorySource(root), "/", "index.html", "public, max-age=0", 64L << 20, null);
  }

  /** Class path resources below {@code prefix} (e.g. {@code "public"}), mounted at {@code /}. */
  public static StaticFiles fromClasspath(String prefix) {
    return fromClasspath(prefix, Thread.currentThread().getContextClassLoader());
  }

  /** Class path resources below {@code prefix} from {@code loader}, mounted at {@code /}. */
  public static StaticFiles fromClasspath(String prefix, ClassLoader loader) {
    ClassLoader l = loader != null ? loader : StaticFiles.class.getClassLoader();
    return new StaticFiles(
        new ClasspathSource(Objects.requireNonNull(prefix, "prefix"), l),
        "/",
        "index.html",
        "public, max-age=0",
        64L << 20,
        null);
  }

  /** A copy serving below {@code urlPath} (e.g. {@code "/assets"}) instead of {@code /}. */
  public StaticFiles mountedAt(String urlPath) {
    if (!urlPath.startsWith("/")) throw new IllegalArgumentException("must start with '/'");
    String m = urlPath.endsWith("/") ? urlPath : urlPath + "/";
    return copy(m, indexFile, cacheControl, maxFileSize, executor, maxCachedFiles, maxCacheBytes);
  }

  /** A copy answering directories with this file (default {@code index.html}; null: none). */
  public StaticFiles indexFile(String name) {
    return copy(mount, name, cacheControl, maxFileSize, executor, maxCachedFiles, maxCacheBytes);
  }

  /** A copy sending this {@code Cache-Control} (default {@code public, max-age=0}; null: none). */
  public StaticFiles cacheControl(String value) {
    return copy(mount, indexFile, value, maxFileSize, executor, maxCachedFiles, maxCacheBytes);
  }

  /** A copy refusing (500) files larger than this (default 64 MiB; bodies are sent whole). */
  public StaticFiles maxFileSize(long bytes) {
    if (bytes < 0) throw new IllegalArgumentException("maxFileSize < 0");
    return copy(mount, indexFile, cacheControl, bytes, executor, maxCachedFiles, maxCacheBytes);
  }

  /** A copy reading files on {@code executor} instead of the shared default threads. */
  public StaticFiles executor(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return copy(
        mount, indexFile, cacheControl, maxFileSize, executor, maxCachedFiles, maxCacheBytes);
  }

  /**
   * A copy keeping at most this many files in memory (default 256; 0: no cache). The least recently
   * served go first.
   */
  public StaticFiles maxCachedFiles(int files) {
    if (files < 0) throw new IllegalArgumentException("maxCachedFiles < 0");
    return copy(mount, indexFile, cacheControl, maxFileSize, executor, files, maxCacheBytes);
  }

  /**
   * A copy keeping at most this many bytes of files in memory, gzip copies included (default 32
   * MiB; 0: no cache). The least recently served go first.
   */
  public StaticFiles maxCacheBytes(long bytes) {
    if (bytes < 0) throw new IllegalArgumentException("maxCacheBytes < 0");
    return copy(mount, indexFile, cacheControl, maxFileSize, executor, maxCachedFiles, bytes);
  }

  private StaticFiles copy(
      String mount,
      String indexFile,
      String cacheControl,
      long maxFileSize,
      Executor executor,
      int maxCachedFiles,
      long maxCacheBytes) {
    return new StaticFiles(
        source,
        mount,
        indexFile,
        cacheControl,
        maxFileSize,
        executor,
        maxCachedFiles,
        maxCacheBytes);
  }

  /** The number of files held in memory now (for tests of the bound). */
  int cachedFiles() {
    return cache.size();
  }

  /** The bytes held in memory now (for tests of the bound). */
  long cachedBytes() {
    return cache.bytes();
  }

  @Override
  public boolean handle(HttpExchange exchange) {
    String method = exchange.method();
    if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
    String path = exchange.path();
    String below;
    if (path.startsWith(mount)) below = path.substring(mount.length());
    else if (path.equals(mount.substring(0, mount.length() - 1))) below = null;
    else return false;
    if (below == null) return redirectToDirectory(exchange, path);

    String relative = RequestPaths.safeRelative(below);
    if (relative == null) {
      log.debug("refused unsafe static path {}", exchange.uri());
      exchange.respond(
          400, "text/plain; charset=utf-8", "Bad Request".getBytes(StandardCharsets.UTF_8));
      return true;
    }
    if (relative.isEmpty() || relative.endsWith("/")) {
      if (indexFile == null) return false;
      relative += indexFile;
    }
    FileSource.Found found = source.find(relative);
    if (found instanceof FileSource.Directory) {
      return indexFile != null && redirectToDirectory(exchange, path);
    }
    if (!(found instanceof FileSource.File file)) return false;
    if (file.size() > maxFileSize) {
      log.debug("static file {} is over maxFileSize ({} bytes)", relative, file.size());
      exchange.respond(
          500, "text/plain; charset=utf-8", "File too large".getBytes(StandardCharsets.UTF_8));
      return true;
    }
    serve(exchange, relative, file);
    return true;
  }

  private void serve(HttpExchange exchange, String relative, FileSource.File file) {
    String etag = etag(file);
    if (Conditional.notModified(exchange, etag, file.lastModified())) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("etag", List.of(etag));
      if (cacheControl != null) headers.put("cache-control", List.of(cacheControl));
      exchange.respond(304, headers, new byte[0]);
      return;
    }
    FileCache.Entry cached = cache.get(relative);
    if (cached != null && cached.file().equals(file)) {
      cached.resource().send(exchange);
      return;
    }
    try {
      executorOrDefault().execute(() -> readAndSend(exchange, relative, file, etag));
    } catch (RejectedExecutionException e) {
      exchange.respond(
          503, "text/plain; charset=utf-8", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
    }
  }

  private void readAndSend(
      HttpExchange exchange, String relative, FileSource.File file, String etag) {
    CachedResource resource;
    try {
      byte[] body = source.read(file);
      resource =
          new CachedResource(
              body, ContentTypes.forName(file.name()), etag, file.lastModified(), cacheControl);
    } catch (IOException | RuntimeException e) {
      log.debug("cannot read static file {}", relative, e);
      exchange.respond(
          500,
          "text/plain; charset=utf-8",
          "Internal Server Error".getBytes(StandardCharsets.UTF_8));
      return;
    }
    remember(relative, file, resource);
    resource.send(exchange);
  }

  private void remember(String relative, FileSource.File file, CachedResource resource) {
    if (resource.size() > MAX_CACHED_FILE) return;
    cache.put(relative, new FileCache.Entry(file, resource));
  }

  private static String etag(FileSource.File file) {
    long modified = file.lastModified() == null ? 0 : file.lastModified().toEpochMilli();
    return "W/\"" + Long.toHexString(file.size()) + '-' + Long.toHexString(modified) + '"';
  }

  private static boolean redirectToDirectory(HttpExchange exchange, String path) {
    String query =
        exchange.uri().contains("?") ? exchange.uri().substring(exchange.uri().indexOf('?')) : "";
    String location = path + "/" + query;
    if (!location.startsWith("/") || location.startsWith("//")) return false;
    exchange.respond(301, Map.of("location", List.of(location)), new byte[0]);
    return true;
  }

  private Executor executorOrDefault() {
    return executor != null ? executor : DefaultExecutor.INSTANCE;
  }

  /** Two daemon threads for file reads, shared by every instance that is not given an executor. */
  private static final class DefaultExecutor {
    static final ExecutorService INSTANCE =
        Executors.newFixedThreadPool(
            2,
            new java.util.concurrent.ThreadFactory() {
              private final AtomicInteger count = new AtomicInteger();

              @Override
              public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "sio4j-static-files-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
              }
            });
  }
}
