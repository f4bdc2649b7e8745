package io.sio4j.client.internal.engine;

import io.sio4j.client.ClientOptions;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the request URIs of an Engine.IO session: {@code <scheme>://<host>:<port><path>?<the URL's
 * query>&<options query>&EIO=4&transport=<name>[&sid=<sid>][&t=<stamp>]}. Immutable; thread-safe.
 *
 * <pre>{@code
 * EngineUris uris = EngineUris.of(URI.create("https://example.com/chat?x=1"), options);
 * URI first = uris.build("polling", null);
 * }</pre>
 */
public final class EngineUris {
  private static final AtomicLong STAMPS = new AtomicLong(System.currentTimeMillis());

  private final boolean secure;
  private final String authority;
  private final String path;
  private final Map<String, String> query;
  private final ClientOptions options;

  private EngineUris(
      boolean secure,
      String authority,
      String path,
      Map<String, String> query,
      ClientOptions options) {
    this.secure = secure;
    this.authority = authority;
    this.path = path;
    this.query = query;
    this.options = options;
  }

  /** Reads scheme, host, port and query of a server URL ({@code http}, {@code https}, ws, wss). */
  public static EngineUris of(URI url, ClientOptions options) {
    String scheme =
        url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    boolean secure;
    switch (scheme) {
      case "http", "ws" -> secure = false;
      case "https", "wss" -> secure = true;
      default -> throw new IllegalArgumentException("unsupported URL scheme: " + url.getScheme());
    }
    if (url.getHost() == null) throw new IllegalArgumentException("URL has no host: " + url);
    String host = url.getHost();
    int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
    Map<String, String> query = new LinkedHashMap<>(parseQuery(url.getRawQuery()));
    query.putAll(options.query());
    // as the JS client: one trailing slash, or none (ClientOptions#addTrailingSlash)
    String path =
        options.path().endsWith("/")
            ? options.path().substring(0, options.path().length() - 1)
            : options.path();
    if (options.addTrailingSlash()) path += "/";
    return new EngineUris(secure, host + ":" + port, path, query, options);
  }

  /** The host and port, {@code host:port}; the key under which Managers are shared. */
  public String authority() {
    return authority;
  }

  /** Whether TLS is used. */
  public boolean secure() {
    return secure;
  }

  /** The URI of a request on the transport ({@code polling} or {@code websocket}). */
  public URI build(String transport, String sid) {
    boolean ws = transport.equals("websocket");
    String scheme = ws ? (secure ? "wss" : "ws") : (secure ? "https" : "http");
    StringBuilder sb = new StringBuilder(scheme).append("://").append(authority).append(path);
    sb.append('?');
    Map<String, String> all = query;
    ClientOptions.TransportOptions own = options.transportOptions().get(transport);
    if (own != null && !own.query().isEmpty()) {
      all = new LinkedHashMap<>(query);
      all.putAll(own.query());
    }
    all.forEach((k, v) -> sb.append(enc(k)).append('=').append(enc(v)).append('&'));
    sb.append(options.eio3() ? "EIO=3&transport=" : "EIO=4&transport=").append(transport);
    // v3: text payloads only, so polling bodies stay strings (ClientOptions#eio3)
    if (options.eio3() && !ws) sb.append("&b64=1");
    if (sid != null) sb.append("&sid=").append(enc(sid));
    Boolean stamp = options.timestampRequests();
    if (stamp == null ? !ws : stamp) {
      sb.append('&')
          .append(enc(options.timestampParam()))
          .append('=')
          .append(Long.toString(STAMPS.incrementAndGet(), 36));
    }
    return URI.create(sb.toString());
  }

  // The String-named charset overloads: the Charset ones are Android API 33.
  private static String enc(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
  }

  private static String dec(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new AssertionError("UTF-8 is always supported", e);
    }
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return out;
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(dec(k), dec(v));
    }
    return out;
  }
}
