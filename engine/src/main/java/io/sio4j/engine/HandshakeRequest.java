package io.sio4j.engine;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The HTTP request that opened an Engine.IO session, frozen at handshake time.
 *
 * @param method HTTP method ({@code GET})
 * @param url the request URI (path and query), as sent
 * @param headers request headers, names lower-cased, values in arrival order
 * @param query decoded query parameters (first value wins)
 * @param remoteAddress the client's address
 * @param secure whether the connection is TLS
 * @param time when the handshake happened
 */
public record HandshakeRequest(
    String method,
    String url,
    Map<String, List<String>> headers,
    Map<String, String> query,
    InetSocketAddress remoteAddress,
    boolean secure,
    Instant time) {

  /** The first value of a header (name is case-insensitive), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
