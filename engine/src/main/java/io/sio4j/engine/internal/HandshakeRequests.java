package io.sio4j.engine.internal;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.ssl.SslHandler;
import io.sio4j.engine.HandshakeRequest;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Freezes a Netty request into the public {@link HandshakeRequest}. The headers and the query are
 * packed ({@link PackedMaps}): a session keeps its handshake as long as it lives. Thread-safe.
 */
final class HandshakeRequests {
  private HandshakeRequests() {}

  static HandshakeRequest of(HttpRequest req, Map<String, List<String>> params, Channel channel) {
    // sized to the request (a first pass is cheaper than a growing buffer and its copies)
    int chars = 0;
    Iterator<Map.Entry<CharSequence, CharSequence>> it = req.headers().iteratorCharSequence();
    while (it.hasNext()) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      chars += e.getKey().length() + e.getValue().length();
    }
    PackedMaps.Builder headers = new PackedMaps.Builder(chars, req.headers().size());
    it = req.headers().iteratorCharSequence();
    while (it.hasNext()) {
      Map.Entry<CharSequence, CharSequence> e = it.next();
      headers.addLowerCased(e.getKey(), e.getValue());
    }
    // the parameters come from the URI, and decoding never lengthens a name or a value: the URI's
    // length bounds them without a sizing pass (an iterator and an entry per parameter)
    PackedMaps.Builder query = new PackedMaps.Builder(req.uri().length(), params.size());
    params.forEach((k, v) -> query.add(k, first(v)));
    InetSocketAddress remote = channel.remoteAddress() instanceof InetSocketAddress a ? a : null;
    return new HandshakeRequest(
        req.method().name(),
        req.uri(),
        headers.headers(),
        query.firstValues(),
        remote,
        channel.pipeline().get(SslHandler.class) != null,
        Instant.now());
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? "" : values.get(0);
  }
}
