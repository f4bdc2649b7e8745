package io.sio4j.jakarta.internal;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HttpHandler;
import io.sio4j.engine.internal.EngineRoutes;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jakarta host's HTTP side: an Engine.IO request goes, as a {@link ServletEngineRequest},
 * through the same steps as on the Netty host ({@link io.sio4j.engine.internal.EngineRequestFlow}:
 * the preflight, the middlewares, the official server's checks, {@code allowRequest}, {@code
 * generateId}); everything else goes to the server's {@link HttpHandler}. Polls and POSTs are
 * answered asynchronously: no container thread waits for a poll, a body or a hook.
 *
 * <p>Threading: called by the container on its threads; session work hops to the session's
 * executor.
 */
final class EngineServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.jakarta");
  private static final String TEXT = "text/plain; charset=UTF-8";

  private final transient JakartaEngineServer server;
  private final transient EngineOptions options;
  private final transient WebSocketUpgrades upgrades;
  private final String pathPrefix;

  EngineServlet(JakartaEngineServer server, ServletContext context) {
    this.server = server;
    this.options = server.core().options();
    this.upgrades = new WebSocketUpgrades(server.core(), context);
    String p = options.path();
    this.pathPrefix = options.addTrailingSlash() ? p : p.substring(0, p.length() - 1);
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) {
    String path = pathInContext(req);
    String rawQuery = req.getQueryString();
    Map<String, List<String>> params = QueryStrings.parse(rawQuery);
    if (!path.startsWith(pathPrefix) || EngineRoutes.isPlainFile(options, path, params)) {
      plain(req, path, rawQuery);
      return;
    }
    boolean upgrade = "GET".equals(req.getMethod()) && hasToken(req, "Upgrade", "websocket");
    new ServletEngineRequest(server, upgrades, req, res, params, upgrade).run();
  }

  private void plain(HttpServletRequest req, String path, String rawQuery) {
    HttpHandler handler = options.httpHandler();
    AsyncContext async = start(req);
    BodyReader.read(
        async,
        options.maxHttpBufferSize(),
        body -> {
          ServletHttpExchange exchange =
              new ServletHttpExchange(async, options.cors(), path, rawQuery, body);
          try {
            if (handler != null && handler.handle(exchange)) return;
            exchange.respond(404, TEXT, "Not Found".getBytes(StandardCharsets.UTF_8));
          } catch (RuntimeException e) {
            log.warn("HTTP handler failed for {}", path, e);
            exchange.respondIfNot(500);
          }
        },
        () -> {
          HttpServletResponse r = (HttpServletResponse) async.getResponse();
          r.setStatus(413);
          r.setContentLength(0);
          AsyncWrite.complete(async);
        },
        () -> AsyncWrite.complete(async));
  }

  private static AsyncContext start(HttpServletRequest req) {
    AsyncContext async = req.startAsync();
    async.setTimeout(0);
    return async;
  }

  private static String pathInContext(HttpServletRequest req) {
    String uri = req.getRequestURI();
    String context = req.getContextPath();
    return context == null || context.isEmpty() ? uri : uri.substring(context.length());
  }

  private static boolean hasToken(HttpServletRequest req, String header, String token) {
    for (String value : Collections.list(req.getHeaders(header))) {
      for (String part : value.split(",")) {
        if (part.trim().equalsIgnoreCase(token)) return true;
      }
    }
    return false;
  }
}
