package io.sio4j.jakarta.internal;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.HttpHandler;
import io.sio4j.engine.internal.EngineCore;
import io.sio4j.engine.internal.EngineError;
import io.sio4j.engine.internal.EngineRoutes;
import io.sio4j.engine.internal.EngineSession;
import io.sio4j.engine.internal.PollingTransport;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jakarta host's HTTP side: routes a request like the Netty host does ({@link EngineRoutes},
 * the official server's checks), answers polls and POSTs asynchronously, upgrades WebSocket
 * requests through {@link WebSocketUpgrades}, and hands everything else to the server's {@link
 * HttpHandler}. Every request goes async at once: no container thread waits for a poll, a body or
 * the {@code allowRequest} hook.
 *
 * <p>Threading: called by the container on its threads; session work hops to the session's
 * executor.
 */
final class EngineServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.jakarta");
  private static final String TEXT = "text/plain; charset=UTF-8";

  private final transient JakartaEngineServer server;
  private final transient EngineCore core;
  private final transient EngineOptions options;
  private final transient WebSocketUpgrades upgrades;
  private final String pathPrefix;

  EngineServlet(JakartaEngineServer server, ServletContext context) {
    this.server = server;
    this.core = server.core();
    this.options = core.options();
    this.upgrades = new WebSocketUpgrades(core, context);
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
    String method = req.getMethod();
    String origin = req.getHeader("Origin");
    String jsonp = EngineRoutes.jsonpIndex(params);
    if ("OPTIONS".equals(method) && options.cors() != null) {
      AsyncContext async = start(req);
      HttpServletResponse r = (HttpServletResponse) async.getResponse();
      CorsHeaders.preflight(
          options.cors(), origin, req.getHeader("Access-Control-Request-Headers"), r);
      exchange(async, origin, jsonp, null).respondEmpty(204);
      return;
    }
    boolean upgrade = "GET".equals(method) && hasToken(req, "Upgrade", "websocket");
    EngineRoutes.Route route = EngineRoutes.route(core, method, params, upgrade, origin);
    switch (route.kind()) {
      case REFUSE -> fail(req, res, params, upgrade, origin, jsonp, route.error(), null);
      case CLOSED_POLL ->
          exchange(start(req), origin, jsonp, null)
              .respondText(200, TEXT, "3".equals(EngineRoutes.single(params, "EIO")) ? "1:6" : "6");
      case UPGRADE -> upgrades.upgrade(req, res, route.session(), EngineRoutes.wantsBase64(params));
      case POLL -> poll(req, route.session(), origin, jsonp);
      case HANDSHAKE -> checkThenHandshake(req, res, params, upgrade, origin, jsonp);
    }
  }

  private void checkThenHandshake(
      HttpServletRequest req,
      HttpServletResponse res,
      Map<String, List<String>> params,
      boolean upgrade,
      String origin,
      String jsonp) {
    HandshakeRequest handshake = ServletRequests.handshake(req, params);
    if (options.allowRequest() == null) {
      handshake(req, res, handshake, params, upgrade, origin, jsonp);
      return;
    }
    CompletionStage<String> verdict;
    try {
      verdict = options.allowRequest().check(handshake);
    } catch (RuntimeException e) {
      log.debug("allowRequest failed", e);
      fail(req, res, params, upgrade, origin, jsonp, EngineError.FORBIDDEN, null);
      return;
    }
    if (upgrade) {
      // a WebSocket upgrade must happen on the request's own thread: the verdict is awaited here
      // (allowRequest hooks answer at once in practice; a slow one holds this thread only)
      String reason;
      try {
        reason = verdict.toCompletableFuture().join();
      } catch (RuntimeException e) {
        fail(req, res, params, true, origin, jsonp, EngineError.FORBIDDEN, null);
        return;
      }
      if (reason != null)
        fail(req, res, params, true, origin, jsonp, EngineError.FORBIDDEN, reason);
      else handshake(req, res, handshake, params, true, origin, jsonp);
      return;
    }
    AsyncContext async = start(req);
    verdict.whenComplete(
        (reason, error) -> {
          if (error != null || reason != null) {
            String message = error != null ? null : reason;
            refuse(req, params, origin, jsonp, EngineError.FORBIDDEN, message, async);
          } else {
            pollingHandshake(async, handshake, origin, jsonp);
          }
        });
  }

  private void handshake(
      HttpServletRequest req,
      HttpServletResponse res,
      HandshakeRequest handshake,
      Map<String, List<String>> params,
      boolean upgrade,
      String origin,
      String jsonp) {
    if (upgrade) {
      EngineSession session = core.createSession(handshake, server.nextLoop());
      upgrades.handshake(req, res, session, EngineRoutes.wantsBase64(params));
    } else {
      pollingHandshake(start(req), handshake, origin, jsonp);
    }
  }

  private void pollingHandshake(
      AsyncContext async, HandshakeRequest handshake, String origin, String jsonp) {
    EngineSession session = core.newSession(handshake, server.nextLoop());
    PollingTransport polling = new PollingTransport(session, options);
    ServletPollExchange get = exchange(async, origin, jsonp, core.sidCookie(session.id()));
    watch(async, session, get);
    session
        .loop()
        .execute(
            () -> {
              session.open(polling, core.upgradesFrom(EngineOptions.POLLING));
              polling.onGet(get);
              core.fireConnection(session);
            });
  }

  private void poll(HttpServletRequest req, EngineSession session, String origin, String jsonp) {
    String method = req.getMethod();
    AsyncContext async = start(req);
    ServletPollExchange exchange = exchange(async, origin, jsonp, null);
    if ("GET".equals(method)) {
      watch(async, session, exchange);
      session
          .loop()
          .execute(
              () -> {
                PollingTransport p = session.pollingTransport();
                if (p == null) exchange.respondError(EngineError.BAD_REQUEST, "Bad request");
                else p.onGet(exchange);
              });
    } else if ("POST".equals(method)) {
      String contentType = req.getContentType();
      BodyReader.read(
          async,
          options.maxHttpBufferSize(),
          body -> {
            session
                .loop()
                .execute(
                    () -> {
                      PollingTransport p = session.pollingTransport();
                      if (p == null) exchange.respondError(EngineError.BAD_REQUEST, "Bad request");
                      else p.onPost(exchange, contentType, body);
                    });
          },
          () -> exchange.respondEmpty(413),
          () -> AsyncWrite.complete(async));
    } else {
      exchange.respondEmpty(500);
    }
  }

  /** A waiting poll whose connection fails or times out is gone, as on the Netty host. */
  private static void watch(AsyncContext async, EngineSession session, ServletPollExchange get) {
    async.addListener(
        new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {}

          @Override
          public void onTimeout(AsyncEvent event) {
            gone();
          }

          @Override
          public void onError(AsyncEvent event) {
            gone();
          }

          @Override
          public void onStartAsync(AsyncEvent event) {}

          private void gone() {
            if (get.responded()) return;
            session
                .loop()
                .execute(
                    () -> {
                      PollingTransport p = session.pollingTransport();
                      if (p != null) p.onGetClosed(get);
                    });
            AsyncWrite.complete(async);
          }
        });
  }

  private void fail(
      HttpServletRequest req,
      HttpServletResponse res,
      Map<String, List<String>> params,
      boolean upgrade,
      String origin,
      String jsonp,
      EngineError error,
      String customMessage) {
    if (upgrade) {
      String message = customMessage != null ? customMessage : error.message;
      fireError(req, params, error, message);
      // like the official server: a plain 400 with the message, then the connection is dropped
      WebSocketUpgrades.refuse(res, message);
      return;
    }
    refuse(req, params, origin, jsonp, error, customMessage, start(req));
  }

  private void refuse(
      HttpServletRequest req,
      Map<String, List<String>> params,
      String origin,
      String jsonp,
      EngineError error,
      String customMessage,
      AsyncContext async) {
    String message = customMessage != null ? customMessage : error.message;
    fireError(req, params, error, message);
    exchange(async, origin, jsonp, null).respondError(error, message);
  }

  private void fireError(
      HttpServletRequest req, Map<String, List<String>> params, EngineError error, String msg) {
    core.fireConnectionError(
        error.code,
        msg,
        req.getMethod(),
        req.getRequestURI(),
        () -> ServletRequests.handshake(req, params));
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

  private ServletPollExchange exchange(
      AsyncContext async, String origin, String jsonp, String setCookie) {
    return new ServletPollExchange(async, options.cors(), origin, jsonp, setCookie);
  }

  private static AsyncContext start(HttpServletRequest req) {
    AsyncContext async = req.startAsync();
    async.setTimeout(0); // the session's heartbeat bounds a poll, not the container
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
