package io.sio4j.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sio4j.engine.HttpExchange;
import io.sio4j.engine.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the official browser client (npm {@code socket.io-client}, packed into this jar at build
 * time) the way the Node server's {@code serveClient} does: {@code <path>/socket.io.js}, {@code
 * .min.js}, {@code .esm.min.js}, {@code .msgpack.min.js} and their {@code .map} files, with ETag
 * {@code "<client version>"} (304 on {@code If-None-Match}), {@code Cache-Control: public,
 * max-age=0} and gzip when accepted (compressed once, at construction).
 *
 * <pre>{@code
 * HttpHandler client = BrowserClient.at("/socket.io");
 * // <script src="/socket.io/socket.io.js"></script>
 * }</pre>
 *
 * <p>Loads the bundle when built (a few hundred KB); thread-safe afterwards and never blocks.
 */
public final class BrowserClient implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.server");
  private static final String RESOURCES = "/io/sio4j/server/client-dist/";

  /** The files the Node server serves (its client path regex, limited to files that exist). */
  public static final List<String> FILES =
      List.of(
          "socket.io.js",
          "socket.io.js.map",
          "socket.io.min.js",
          "socket.io.min.js.map",
          "socket.io.esm.min.js",
          "socket.io.esm.min.js.map",
          "socket.io.msgpack.min.js",
          "socket.io.msgpack.min.js.map");

  /** Read once; null when the jar was built without the bundle. */
  private static final class Bundle {
    static final String VERSION = readVersion();
  }

  private final String prefix;
  private final Map<String, CachedResource> files;

  private BrowserClient(String path) {
    this.prefix = path.endsWith("/") ? path : path + "/";
    String etag = '"' + version() + '"';
    Map<String, CachedResource> loaded = new HashMap<>();
    for (String name : FILES) {
      String type =
          name.endsWith(".map")
              ? "application/json; charset=utf-8"
              : "application/javascript; charset=utf-8";
      loaded.put(name, new CachedResource(read(name), type, etag, null, "public, max-age=0"));
    }
    this.files = Map.copyOf(loaded);
  }

  /**
   * The client bundle under the Socket.IO path, e.g. {@code "/socket.io"} (default of the server).
   *
   * @throws IllegalStateException when this jar was built without the bundle
   */
  public static BrowserClient at(String path) {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with '/'");
    return new BrowserClient(path);
  }

  /** The version of the packed {@code socket.io-client}, e.g. {@code 4.8.4}. */
  public static String version() {
    if (Bundle.VERSION == null) throw missing("package.json");
    return Bundle.VERSION;
  }

  /** Whether {@code path} names one of the bundle files under this handler's path. */
  public boolean matches(String path) {
    return path != null
        && path.startsWith(prefix)
        && files.containsKey(path.substring(prefix.length()));
  }

  @Override
  public boolean handle(HttpExchange exchange) {
    String method = exchange.method();
    if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
    String path = exchange.path();
    if (!matches(path)) return false;
    files.get(path.substring(prefix.length())).send(exchange);
    log.debug("served browser client {}", path);
    return true;
  }

  private static byte[] read(String name) {
    try (InputStream in = BrowserClient.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) throw missing(name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCES + name, e);
    }
  }

  private static String readVersion() {
    try (InputStream in = BrowserClient.class.getResourceAsStream(RESOURCES + "package.json")) {
      if (in == null) return null;
      return new ObjectMapper().readTree(in).path("version").asText("unknown");
    } catch (IOException e) {
      log.warn("cannot read the browser client's package.json", e);
      return null;
    }
  }

  private static IllegalStateException missing(String name) {
    return new IllegalStateException(
        "the browser client bundle is missing ("
            + RESOURCES
            + name
            + "): sio4j-server was built without npm; build it with Node.js installed");
  }
}
