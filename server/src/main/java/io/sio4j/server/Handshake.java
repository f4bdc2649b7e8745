package io.sio4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the client sent when it joined a namespace: the HTTP request that opened its connection plus
 * the CONNECT packet's auth payload. Mirrors {@code socket.handshake} of the official server.
 *
 * <pre>{@code
 * io.use((socket, next) -> {
 *   String token = socket.handshake().auth().path("token").asText(null);
 *   if (token == null) next.fail(new ConnectError("missing token"));
 *   else next.proceed();
 * });
 * }</pre>
 *
 * <p>Immutable and thread-safe (the {@code auth} tree must not be modified).
 *
 * @param headers request headers, names lower-cased
 * @param time when the connection was opened
 * @param address the client's IP address
 * @param xdomain whether the request was cross-origin (it had an {@code Origin} header)
 * @param secure whether the connection is TLS
 * @param issued {@code time} in milliseconds since the epoch
 * @param url the request URL (path and query)
 * @param query the query parameters
 * @param auth the CONNECT packet's auth payload, an empty object when none was sent
 */
public record Handshake(
    Map<String, List<String>> headers,
    Instant time,
    String address,
    boolean xdomain,
    boolean secure,
    long issued,
    String url,
    Map<String, String> query,
    JsonNode auth) {

  /** The first value of a header (case-insensitive), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
