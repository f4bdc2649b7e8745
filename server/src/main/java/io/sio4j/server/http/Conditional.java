package io.sio4j.server.http;

import io.sio4j.engine.HttpExchange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Conditional GET (RFC 9110 section 13): whether the client's cached copy is still fresh, from
 * {@code If-None-Match} (weak comparison) or, when that is absent, {@code If-Modified-Since}.
 * Stateless and thread-safe.
 */
final class Conditional {
  private Conditional() {}

  /** Whether a 304 answers the request for a resource with this ETag and modification time. */
  static boolean notModified(HttpExchange exchange, String etag, Instant lastModified) {
    String ifNoneMatch = exchange.header("if-none-match");
    if (ifNoneMatch != null) return matches(ifNoneMatch, etag);
    String ifModifiedSince = exchange.header("if-modified-since");
    if (ifModifiedSince == null || lastModified == null) return false;
    try {
      Instant since =
          ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return !lastModified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Weak comparison of an {@code If-None-Match} list against one ETag. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (etag == null) return false;
    String opaque = stripWeak(etag);
    for (String candidate : ifNoneMatch.split(",", 64)) {
      String c = candidate.trim();
      if (c.equals("*") || stripWeak(c).equals(opaque)) return true;
    }
    return false;
  }

  /** An HTTP date, e.g. {@code Tue, 15 Nov 1994 08:12:31 GMT}. */
  static String httpDate(Instant instant) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
  }

  private static String stripWeak(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
