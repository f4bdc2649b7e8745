package io.sio4j.jakarta.internal;

import io.sio4j.engine.CorsOptions;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The CORS answer headers on a servlet response, with the Netty host's rules: only for an allowed
 * origin, never a reflected wildcard with credentials.
 *
 * <p>Stateless, thread-safe.
 */
final class CorsHeaders {
  private CorsHeaders() {}

  /** Adds the CORS headers of an ordinary answer when {@code origin} is allowed. */
  static void add(CorsOptions cors, String origin, HttpServletResponse res) {
    if (cors == null || origin == null || !cors.allows(origin)) return;
    if (cors.anyOrigin() && !cors.credentials()) {
      res.setHeader("Access-Control-Allow-Origin", "*");
    } else {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.addHeader("Vary", "Origin");
    }
    if (cors.credentials()) res.setHeader("Access-Control-Allow-Credentials", "true");
    if (!cors.exposedHeaders().isEmpty()) {
      res.setHeader("Access-Control-Expose-Headers", String.join(",", cors.exposedHeaders()));
    }
  }

  /** Adds the preflight headers (methods, headers, max age) when {@code origin} is allowed. */
  static void preflight(
      CorsOptions cors, String origin, String requestedHeaders, HttpServletResponse res) {
    if (origin == null || !cors.allows(origin)) return;
    res.setHeader("Access-Control-Allow-Methods", String.join(",", cors.methods()));
    if (!cors.allowedHeaders().isEmpty()) {
      res.setHeader("Access-Control-Allow-Headers", String.join(",", cors.allowedHeaders()));
    } else if (requestedHeaders != null) {
      res.setHeader("Access-Control-Allow-Headers", requestedHeaders);
      res.addHeader("Vary", "Access-Control-Request-Headers");
    }
    if (cors.maxAge() != null) {
      res.setHeader("Access-Control-Max-Age", Long.toString(cors.maxAge().toSeconds()));
    }
  }
}
