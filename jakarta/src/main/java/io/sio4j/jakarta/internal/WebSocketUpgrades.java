package io.sio4j.jakarta.internal;

import io.sio4j.engine.internal.EngineCore;
import io.sio4j.engine.internal.EngineHooks;
import io.sio4j.engine.internal.EngineRoutes;
import io.sio4j.engine.internal.EngineSession;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an Engine.IO request that passed the engine's checks into a Jakarta WebSocket, with the
 * container's {@link ServerContainer#upgradeHttpToWebSocket} (WebSocket 2.1): the endpoint is
 * registered programmatically per connection, with a {@link ServerEndpointConfig.Configurator} that
 * hands over the endpoint bound to its session, lets the sid cookie, the middlewares' headers and
 * the headers listeners shape the 101, and turns permessage-deflate on only when the options ask
 * for it. Because the servlet decides before the container upgrades, refusals get the same answers
 * as on the Netty host (a 400 with the message).
 *
 * <p>Thread-safe; runs on the request's container thread.
 */
final class WebSocketUpgrades {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.websocket");

  private final EngineCore core;
  private final ServletContext context;
  private final String endpointPath;

  WebSocketUpgrades(EngineCore core, ServletContext context) {
    this.core = core;
    this.context = context;
    String p = core.options().path();
    this.endpointPath = p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /**
   * A WebSocket-only handshake: {@code session} (not yet registered) opens on this WebSocket.
   *
   * @param view the handshake request, for the headers listeners
   * @param headers headers set by middlewares, or null
   */
  void handshake(
      HttpServletRequest req,
      HttpServletResponse res,
      EngineSession session,
      boolean base64,
      io.sio4j.engine.HandshakeRequest view,
      Map<String, List<String>> headers) {
    EngineEndpoint endpoint = new EngineEndpoint(core, session, true, base64);
    start(req, res, endpoint, core.sidCookie(session.id()), headers, view, true);
  }

  /**
   * A WebSocket with the sid of a polling session: it becomes the upgrade probe.
   *
   * @param view this request, for the headers listeners (null when none listens)
   * @param headers headers set by middlewares, or null
   */
  void upgrade(
      HttpServletRequest req,
      HttpServletResponse res,
      EngineSession session,
      boolean base64,
      io.sio4j.engine.HandshakeRequest view,
      Map<String, List<String>> headers) {
    EngineEndpoint endpoint = new EngineEndpoint(core, session, false, base64);
    start(req, res, endpoint, null, headers, view, false);
  }

  private void start(
      HttpServletRequest req,
      HttpServletResponse res,
      EngineEndpoint endpoint,
      String cookie,
      Map<String, List<String>> extraHeaders,
      io.sio4j.engine.HandshakeRequest view,
      boolean initial) {
    if (!EngineRoutes.validWebSocketKey(Collections.list(req.getHeaders("Sec-WebSocket-Key")))) {
      log.debug("missing or invalid Sec-WebSocket-Key");
      refuse(res, "Missing or invalid Sec-WebSocket-Key header");
      return;
    }
    ServerContainer container =
        (ServerContainer) context.getAttribute(ServerContainer.class.getName());
    if (container == null) {
      log.warn("no Jakarta WebSocket ServerContainer in this servlet context: WebSocket refused");
      refuse(res, "Bad request");
      return;
    }
    boolean deflate = core.options().perMessageDeflate();
    ServerEndpointConfig config =
        ServerEndpointConfig.Builder.create(EngineEndpoint.class, endpointPath)
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public <T> T getEndpointInstance(Class<T> type) {
                    return type.cast(endpoint);
                  }

                  @Override
                  public boolean checkOrigin(String origin) {
                    return true; // the engine's origin check ran before
                  }

                  @Override
                  public List<Extension> getNegotiatedExtensions(
                      List<Extension> installed, List<Extension> requested) {
                    return deflate
                        ? super.getNegotiatedExtensions(installed, requested)
                        : List.of();
                  }

                  @Override
                  public void modifyHandshake(
                      ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse r) {
                    editHeaders(r.getHeaders(), cookie, extraHeaders, view, initial);
                  }
                })
            .build();
    try {
      container.upgradeHttpToWebSocket(req, res, config, Map.of());
    } catch (Exception e) {
      log.debug("websocket upgrade failed: {}", e.toString());
      if (!res.isCommitted()) refuse(res, "Bad request");
    }
  }

  /**
   * The 101's headers: the sid cookie, the middlewares' headers, then the {@code initial_headers} /
   * {@code headers} listeners (the official server's {@code headers} event of ws), as on the Netty
   * host. The container adds the WebSocket handshake headers itself.
   */
  private void editHeaders(
      Map<String, List<String>> response,
      String cookie,
      Map<String, List<String>> extraHeaders,
      io.sio4j.engine.HandshakeRequest view,
      boolean initial) {
    Map<String, List<String>> h = EngineHooks.newHeaderMap();
    h.putAll(response);
    if (cookie != null) h.put("Set-Cookie", List.of(cookie));
    if (extraHeaders != null) h.putAll(extraHeaders);
    EngineHooks hooks = core.hooks();
    if (view != null && hooks.hasHeaderListeners()) {
      Map<String, List<String>> edited = hooks.edited(h, view, initial);
      if (edited != null) h = edited;
    }
    response.clear();
    h.forEach((name, values) -> response.put(name, List.copyOf(values)));
  }

  /** A plain 400 with the reason, then the connection is dropped (ws's abortHandshake). */
  static void refuse(HttpServletResponse res, String message) {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    res.setStatus(400);
    res.setContentType("text/html");
    res.setHeader("Connection", "close");
    res.setContentLength(body.length);
    try {
      // a short, bounded body on a connection about to close: written at once
      res.getOutputStream().write(body);
      res.flushBuffer();
    } catch (IOException e) {
      log.debug("cannot send a refusal: {}", e.toString());
    }
  }
}
