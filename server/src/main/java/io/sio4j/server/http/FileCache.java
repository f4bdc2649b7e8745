package io.sio4j.server.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a {@link StaticFiles} served recently, kept in memory and bounded both in entries and
 * in bytes; the least recently used go first. Only files that were found are ever put here, so
 * requests for missing paths leave nothing behind (issue 14).
 *
 * <pre>{@code
 * FileCache cache = new FileCache(256, 32L << 20);
 * cache.put("app.js", new FileCache.Entry(file, resource));
 * FileCache.Entry hit = cache.get("app.js");
 * }</pre>
 *
 * <p>Thread-safe: every method holds this object's lock (lookups are a map access).
 */
final class FileCache {
  /** A cached file: the validators it was read with, and its bytes. */
  record Entry(FileSource.File file, CachedResource resource) {}

  private final int maxEntries;
  private final long maxBytes;
  // access order: iteration starts at the least recently used entry; guarded by this
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes; // guarded by this

  FileCache(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  synchronized Entry get(String key) {
    return entries.get(key);
  }

  /** Keeps the entry unless it alone is over the byte bound; evicts down to both bounds. */
  synchronized void put(String key, Entry entry) {
    long size = entry.resource().size();
    if (maxEntries <= 0 || size > maxBytes) return;
    Entry previous = entries.put(key, entry);
    if (previous != null) bytes -= previous.resource().size();
    bytes += size;
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
      bytes -= eldest.next().getValue().resource().size();
      eldest.remove();
    }
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return bytes;
  }
}
