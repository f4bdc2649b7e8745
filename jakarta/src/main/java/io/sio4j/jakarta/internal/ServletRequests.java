package io.sio4j.jakarta.internal;

import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.internal.PackedMaps;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Freezes a servlet request into the public {@link HandshakeRequest}, with the container's
 * authenticated user ({@code getUserPrincipal()}) and its {@code HttpSession} if one exists ({@code
 * getSession(false)}: a handshake never creates one). Call on the request's container thread.
 */
final class ServletRequests {
  private ServletRequests() {}

  /**
   * The client's address with its {@link InetAddress} (as on the Netty host) when the container
   * gives an IP literal, which it does unless a proxy valve rewrote it; never a DNS lookup.
   */
  static InetSocketAddress address(String host, int port) {
    if (host != null && !host.isEmpty() && isIpLiteral(host)) {
      try {
        return new InetSocketAddress(InetAddress.getByName(host), port);
      } catch (UnknownHostException e) {
        // not a literal after all: keep it unresolved
      }
    }
    return InetSocketAddress.createUnresolved(host == null ? "" : host, port);
  }

  private static boolean isIpLiteral(String host) {
    boolean colon = host.indexOf(':') >= 0;
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || c == '.'
              || (colon
                  && (c == ':'
                      || c == '%'
                      || (c >= 'a' && c <= 'f')
                      || (c >= 'A' && c <= 'F')
                      || c == '['
                      || c == ']'));
      if (!ok) return false;
    }
    return true;
  }

  static HandshakeRequest handshake(HttpServletRequest req, Map<String, List<String>> params) {
    // packed: a session keeps its handshake as long as it lives (see PackedMaps)
    PackedMaps.Builder headers = new PackedMaps.Builder();
    for (String name : Collections.list(req.getHeaderNames())) {
      for (String v : Collections.list(req.getHeaders(name))) headers.addLowerCased(name, v);
    }
    PackedMaps.Builder query = new PackedMaps.Builder(64, params.size());
    params.forEach((k, v) -> query.add(k, v.isEmpty() ? "" : v.get(0)));
    String uri =
        req.getQueryString() == null
            ? req.getRequestURI()
            : req.getRequestURI() + "?" + req.getQueryString();
    InetSocketAddress remote = address(req.getRemoteAddr(), req.getRemotePort());
    return new HandshakeRequest(
        req.getMethod(),
        uri,
        headers.headers(),
        query.firstValues(),
        remote,
        req.isSecure(),
        Instant.now(),
        req.getUserPrincipal(),
        req.getSession(false));
  }
}
