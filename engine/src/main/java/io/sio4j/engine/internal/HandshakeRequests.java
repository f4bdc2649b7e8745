package io.sio4j.engine.internal;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslHandler;
import io.sio4j.engine.HandshakeRequest;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Freezes a Netty request into the public {@link HandshakeRequest}. Thread-safe. */
final class HandshakeRequests {
  private HandshakeRequests() {}

  static HandshakeRequest of(HttpRequest req, Map<String, List<String>> params, Channel channel) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : req.headers()) {
      headers
          .computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
          .add(e.getValue());
    }
    headers.replaceAll((k, v) -> List.copyOf(v));
    Map<String, String> query = new LinkedHashMap<>();
    params.forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
    InetSocketAddress remote = channel.remoteAddress() instanceof InetSocketAddress a ? a : null;
    return new HandshakeRequest(
        req.method().name(),
        req.uri(),
        Collections.unmodifiableMap(headers),
        Collections.unmodifiableMap(query),
        remote,
        channel.pipeline().get(SslHandler.class) != null,
        Instant.now());
  }
}
