package io.sio4j.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point, as the JavaScript client's {@code io(url, options)}: a {@link Socket} for the
 * namespace in the URL's path, on a {@link Manager} shared with the other sockets to the same
 * server ({@code multiplex}) unless {@code forceNew} is set or that namespace already has a socket
 * there. A shared Manager keeps the connection options of the call that created it; the socket
 * options ({@code auth}, {@code ackTimeout}, {@code retries}) are each call's own.
 *
 * <pre>{@code
 * Socket socket = IO.socket("http://localhost:3000/chat",
 *     ClientOptions.builder().auth(Map.of("token", "abc")).build());
 * socket.on("connect", () -> socket.emit("hello"));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class IO {
  /** Longer URLs are refused before parsing (engine.io-client bounds its URL parser likewise). */
  static final int MAX_URL_LENGTH = 8192;

  private static final Map<String, Manager> MANAGERS = new ConcurrentHashMap<>();

  private IO() {}

  /** A socket with the default options. */
  public static Socket socket(String url) {
    return socket(url, ClientOptions.DEFAULTS);
  }

  /**
   * A socket for {@code url} ({@code http(s)://host[:port][/namespace][?query]}; {@code ws(s)}
   * too).
   *
   * @throws IllegalArgumentException when the URL is malformed or its scheme unsupported
   */
  public static Socket socket(String url, ClientOptions options) {
    URI uri = parse(url);
    String nsp = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    String key = managerKey(uri);
    Manager cached = MANAGERS.get(key);
    boolean newConnection =
        options.forceNew() || !options.multiplex() || (cached != null && cached.hasSocket(nsp));
    Manager manager;
    if (newConnection) {
      manager = Manager.createUnopened(uri, options);
    } else {
      manager = MANAGERS.computeIfAbsent(key, k -> Manager.createUnopened(uri, options));
    }
    return manager.socket(nsp, options);
  }

  /** Parses and checks a server URL. */
  static URI parse(String url) {
    if (url == null) throw new IllegalArgumentException("url is null");
    if (url.length() > MAX_URL_LENGTH) {
      throw new IllegalArgumentException("url longer than " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("malformed url: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !scheme.matches("(?i)https?|wss?")) {
      throw new IllegalArgumentException("url scheme must be http, https, ws or wss: " + url);
    }
    if (uri.getHost() == null) throw new IllegalArgumentException("url has no host: " + url);
    return uri;
  }

  /** Managers are shared per scheme, host and port (the JS client's {@code url.id}). */
  static String managerKey(URI uri) {
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    boolean secure = scheme.equals("https") || scheme.equals("wss");
    int port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
    return (secure ? "https" : "http")
        + "://"
        + uri.getHost().toLowerCase(java.util.Locale.ROOT)
        + ":"
        + port;
  }
}
