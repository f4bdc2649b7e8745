package io.sio4j.engine;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of an HTTP request of the Engine.IO path, frozen when it arrived: the request
 * that opened a session ({@link EngineSocket#request()}, {@code socket.request()} on the Socket.IO
 * server), or the request an {@link EngineMiddleware} or a {@link HeadersListener} is looking at.
 *
 * <pre>{@code
 * io.on("connection", socket -> {
 *   HandshakeRequest req = socket.request();
 *   String session = req.cookies().get("app_session");
 *   log.info("{} from {} ({})", socket.id(), req.remoteAddress(), req.header("user-agent"));
 * });
 * }</pre>
 *
 * @param method HTTP method ({@code GET})
 * @param url the request URI (path and query), as sent
 * @param headers request headers, names lower-cased, values in arrival order
 * @param query decoded query parameters (first value wins)
 * @param remoteAddress the client's address
 * @param secure whether the connection is TLS
 * @param time when the request arrived
 * @param userPrincipal the authenticated user of a servlet container ({@code
 *     HttpServletRequest.getUserPrincipal()}), else null; see {@link #principal()}
 * @param httpSession the servlet container's {@code HttpSession} if one exists, else null; see
 *     {@link #session()}
 */
public record HandshakeRequest(
    String method,
    String url,
    Map<String, List<String>> headers,
    Map<String, String> query,
    InetSocketAddress remoteAddress,
    boolean secure,
    Instant time,
    Principal userPrincipal,
    Object httpSession) {

  /** A request without servlet principal and session (the Netty host). */
  public HandshakeRequest(
      String method,
      String url,
      Map<String, List<String>> headers,
      Map<String, String> query,
      InetSocketAddress remoteAddress,
      boolean secure,
      Instant time) {
    this(method, url, headers, query, remoteAddress, secure, time, null, null);
  }

  /** The first value of a header (name is case-insensitive), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The path of {@link #url()}, without the query. */
  public String path() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * The cookies of the {@code Cookie} headers, by name (the first of a name wins; values as sent,
   * surrounding double quotes removed, not URL-decoded). Empty when there is none.
   */
  public Map<String, String> cookies() {
    List<String> lines = headers.get("cookie");
    if (lines == null || lines.isEmpty()) return Map.of();
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines) {
      for (String pair : line.split(";")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) continue;
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!name.isEmpty()) out.putIfAbsent(name, value);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The servlet container's authenticated user: on the Jakarta host, the request's {@code
   * getUserPrincipal()} (container authentication, or a filter's request wrapper); empty on the
   * Netty host or when nobody is signed in.
   */
  public Optional<Principal> principal() {
    return Optional.ofNullable(userPrincipal);
  }

  /**
   * The servlet container's {@code HttpSession} (as {@code Object}, so that this API does not need
   * the Servlet API: cast it to {@code jakarta.servlet.http.HttpSession}); on the Jakarta host the
   * request's {@code getSession(false)}, so the handshake never creates one. Empty on the Netty
   * host or when the request has no session.
   */
  public Optional<Object> session() {
    return Optional.ofNullable(httpSession);
  }
}
