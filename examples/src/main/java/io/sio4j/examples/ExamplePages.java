package io.sio4j.examples;

import io.sio4j.engine.HttpExchange;
import io.sio4j.engine.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves an example's page: {@code /} is {@code index.html} of the example's folder under {@code
 * io/sio4j/examples/pages/}, and other plain file names ({@code /chat.js}) come from that folder or
 * from {@code pages/common/}. Anything else is passed on (the server answers 404). Only GET; names
 * are checked against a strict pattern, so no path can leave the folder.
 *
 * <pre>{@code
 * SocketIoServer.builder().httpHandler(new ExamplePages("chat")).build();
 * }</pre>
 *
 * <p>Thread-safe; files are read from the class path once and kept.
 */
public final class ExamplePages implements HttpHandler {
  private static final String ROOT = "io/sio4j/examples/pages/";
  private static final Pattern FILE =
      Pattern.compile("/[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|png)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  private final String folder;
  private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

  /** Serves the pages of {@code pages/<folder>/}. */
  public ExamplePages(String folder) {
    if (!folder.matches("[a-z0-9-]+")) throw new IllegalArgumentException("bad folder: " + folder);
    this.folder = folder;
  }

  @Override
  public boolean handle(HttpExchange exchange) {
    if (!"GET".equals(exchange.method())) return false;
    String path = exchange.path();
    String file =
        "/".equals(path) ? "index.html" : FILE.matcher(path).matches() ? path.substring(1) : null;
    if (file == null) return false;
    Optional<byte[]> body = cache.computeIfAbsent(file, this::load);
    if (body.isEmpty()) return false;
    String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
    exchange.respond(
        200,
        Map.of("content-type", List.of(type), "cache-control", List.of("no-cache")),
        body.get());
    return true;
  }

  private Optional<byte[]> load(String file) {
    Optional<byte[]> own = read(ROOT + folder + "/" + file);
    return own.isPresent() ? own : read(ROOT + "common/" + file);
  }

  private static Optional<byte[]> read(String resource) {
    try (InputStream in = ExamplePages.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
