package io.sio4j.jakarta.internal;

import io.sio4j.engine.HandshakeRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Freezes a servlet request into the public {@link HandshakeRequest}. Thread-safe. */
final class ServletRequests {
  private ServletRequests() {}

  static HandshakeRequest handshake(HttpServletRequest req, Map<String, List<String>> params) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      List<String> values = new ArrayList<>(1);
      for (String v : Collections.list(req.getHeaders(name))) values.add(v);
      headers.merge(
          name.toLowerCase(Locale.ROOT),
          values,
          (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
          });
    }
    headers.replaceAll((k, v) -> List.copyOf(v));
    Map<String, String> query = new LinkedHashMap<>();
    params.forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    String uri =
        req.getQueryString() == null
            ? req.getRequestURI()
            : req.getRequestURI() + "?" + req.getQueryString();
    InetSocketAddress remote =
        InetSocketAddress.createUnresolved(req.getRemoteAddr(), req.getRemotePort());
    return new HandshakeRequest(
        req.getMethod(),
        uri,
        Collections.unmodifiableMap(headers),
        Collections.unmodifiableMap(query),
        remote,
        req.isSecure(),
        Instant.now());
  }
}
