package io.sio4j.server.http;

import io.sio4j.engine.HttpExchange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file held in memory with its validators and, for compressible types, its gzip made once.
 * Answers GET and HEAD: 304 when the client's copy is fresh, gzip when accepted. Immutable and
 * thread-safe.
 */
final class CachedResource {
  private static final byte[] EMPTY = new byte[0];

  private final byte[] body;
  private final byte[] gzipped;
  private final String contentType;
  private final String etag;
  private final Instant lastModified;
  private final String cacheControl;

  CachedResource(
      byte[] body, String contentType, String etag, Instant lastModified, String cacheControl) {
    this.body = body;
    this.contentType = contentType;
    this.etag = etag;
    this.lastModified = lastModified;
    this.cacheControl = cacheControl;
    byte[] gz = null;
    if (body.length >= Compression.MIN_SIZE && ContentTypes.isCompressible(contentType)) {
      gz = Compression.gzip(body);
      if (gz.length >= body.length) gz = null;
    }
    this.gzipped = gz;
  }

  int size() {
    return body.length + (gzipped == null ? 0 : gzipped.length);
  }

  String etag() {
    return etag;
  }

  /** Sends the resource (or 304) to a GET or HEAD request. */
  void send(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("etag", List.of(etag));
    if (lastModified != null)
      headers.put("last-modified", List.of(Conditional.httpDate(lastModified)));
    if (cacheControl != null) headers.put("cache-control", List.of(cacheControl));
    if (gzipped != null) headers.put("vary", List.of("Accept-Encoding"));
    if (Conditional.notModified(exchange, etag, lastModified)) {
      exchange.respond(304, headers, EMPTY);
      return;
    }
    headers.put("content-type", List.of(contentType));
    byte[] payload = body;
    if (gzipped != null && Compression.acceptsGzip(exchange.header("accept-encoding"))) {
      headers.put("content-encoding", List.of("gzip"));
      payload = gzipped;
    }
    // HEAD: the same headers as GET, Content-Length included, and no body
    boolean head = "HEAD".equals(exchange.method());
    if (head) headers.put("content-length", List.of(Integer.toString(payload.length)));
    exchange.respond(200, headers, head ? EMPTY : payload);
  }
}
