package io.sio4j.engine.internal;

import io.sio4j.engine.CorsOptions;
import io.sio4j.engine.EngineOptions;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official server's checks on an Engine.IO request ({@code Server.verify}: transport, origin,
 * sid, method, protocol version), written once for every host: each host parses the request its own
 * way and answers what {@link #route} decides.
 *
 * <pre>{@code
 * EngineRoutes.Route r = EngineRoutes.route(core, "GET", params, false, origin);
 * switch (r.kind()) { case REFUSE -> ...; case HANDSHAKE -> ...; case POLL -> ...; ... }
 * }</pre>
 *
 * <p>Stateless, thread-safe.
 */
public final class EngineRoutes {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private EngineRoutes() {}

  /** What to do with a request. */
  public enum Kind {
    /** Answer the {@link Route#error()} (a 400 with the message on an upgrade request). */
    REFUSE,
    /** A new session: run allowRequest, then a polling or WebSocket handshake. */
    HANDSHAKE,
    /** A polling GET or POST for {@link Route#session()}. */
    POLL,
    /** A WebSocket with the sid of {@link Route#session()}: it becomes the upgrade probe. */
    UPGRADE,
    /** The poll the client sent before its CLOSE packet overtook it: answer 200 {@code 6}. */
    CLOSED_POLL
  }

  /** The decision; {@code error} for REFUSE, {@code session} for POLL and UPGRADE. */
  public record Route(Kind kind, EngineError error, EngineSession session) {
    static Route refuse(EngineError e) {
      return new Route(Kind.REFUSE, e, null);
    }
  }

  private static final Route HANDSHAKE = new Route(Kind.HANDSHAKE, null, null);
  private static final Route CLOSED_POLL = new Route(Kind.CLOSED_POLL, null, null);

  /**
   * Decides what a request for the Engine.IO path is.
   *
   * @param method the HTTP method, upper-case
   * @param params the query parameters, all values
   * @param upgrade whether this is a WebSocket upgrade (GET with {@code Upgrade: websocket})
   * @param origin the Origin header, or null
   */
  public static Route route(
      EngineCore core,
      String method,
      Map<String, List<String>> params,
      boolean upgrade,
      String origin) {
    EngineOptions options = core.options();
    String transport = single(params, "transport");
    if (transport == null || !options.transports().contains(transport)) {
      return Route.refuse(EngineError.UNKNOWN_TRANSPORT);
    }
    if (origin != null && HeaderChars.invalid(origin)) return Route.refuse(EngineError.BAD_REQUEST);
    List<String> sids = params.get("sid");
    if (origin != null && (sids == null || upgrade) && refusedOrigin(options, origin)) {
      // cross-site WebSocket hijacking: browsers apply no CORS to WebSockets, so the allow-list
      // is enforced on every handshake and upgrade that says where it comes from
      log.debug("refused a handshake or upgrade from origin {}", origin);
      return Route.refuse(EngineError.FORBIDDEN);
    }
    if (sids != null) {
      String sid = sids.size() == 1 ? sids.get(0) : null;
      EngineSession session = core.session(sid);
      if (session == null
          && !upgrade
          && "GET".equals(method)
          && EngineOptions.POLLING.equals(transport)
          && core.takeClientClose(sid)) {
        return CLOSED_POLL;
      }
      if (session == null) return Route.refuse(EngineError.UNKNOWN_SID);
      if (upgrade) {
        // like the official server, a refused upgrade (already upgraded or upgrading) completes
        // the WebSocket handshake and is then closed by the session
        if (!EngineOptions.WEBSOCKET.equals(transport))
          return Route.refuse(EngineError.BAD_REQUEST);
        return new Route(Kind.UPGRADE, null, session);
      }
      if (!transport.equals(session.transport())) return Route.refuse(EngineError.BAD_REQUEST);
      return new Route(Kind.POLL, null, session);
    }
    if (!"GET".equals(method)) return Route.refuse(EngineError.BAD_HANDSHAKE_METHOD);
    if (EngineOptions.WEBSOCKET.equals(transport) != upgrade) {
      return Route.refuse(EngineError.BAD_REQUEST);
    }
    if (!supportedVersion(options, params)) {
      return Route.refuse(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
    }
    return HANDSHAKE;
  }

  private static boolean refusedOrigin(EngineOptions options, String origin) {
    CorsOptions cors = options.cors();
    return cors != null && cors.checkOrigin() && !cors.allows(origin);
  }

  /**
   * Whether the handshake's {@code EIO} is one the server speaks: {@code 4}, or {@code 3} when
   * {@link EngineOptions#allowEIO3()} is on. Unlike the official server, which takes any value
   * other than {@code 4} for v3, a missing or garbled {@code EIO} stays refused with code 5 (the v4
   * conformance suite checks that, and it still passes with v3 allowed).
   */
  public static boolean supportedVersion(EngineOptions options, Map<String, List<String>> params) {
    String eio = single(params, "EIO");
    return "4".equals(eio) || (options.allowEIO3() && "3".equals(eio));
  }

  /** The only value of a parameter, or null when it is absent or repeated. */
  public static String single(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.size() != 1 ? null : v.get(0);
  }

  /** The JSONP callback index ({@code j}), digits only (at most 10), or null. */
  public static String jsonpIndex(Map<String, List<String>> params) {
    String j = single(params, "j");
    if (j == null) return null;
    // only digits are used, like the official server, so nothing script-like reaches the response
    String digits = j.replaceAll("[^0-9]", "");
    return digits.length() > 10 ? digits.substring(0, 10) : digits;
  }

  /**
   * Whether the client asked ({@code b64}) for binary messages as base64 text frames, like the
   * official server's {@code supportsBinary = !query.b64}.
   */
  public static boolean wantsBase64(Map<String, List<String>> params) {
    List<String> b64 = params.get("b64");
    return b64 != null && !b64.isEmpty() && !b64.get(0).isEmpty();
  }

  /**
   * Whether a request below the engine path is a plain file (no {@code EIO} parameter), such as
   * {@code /socket.io/socket.io.js}: like the official server, it goes to the HTTP handler.
   */
  public static boolean isPlainFile(
      EngineOptions options, String rawPath, Map<String, List<String>> params) {
    return rawPath.length() > options.path().length() && !params.containsKey("EIO");
  }

  /**
   * Like the official server (ws: {@code /^[+/0-9A-Za-z]{22}==$/}): exactly one Sec-WebSocket-Key,
   * the base64 of 16 bytes. Otherwise the answer is a 400 with the message {@code Missing or
   * invalid Sec-WebSocket-Key header}.
   */
  public static boolean validWebSocketKey(List<String> keys) {
    if (keys == null || keys.size() != 1) return false;
    String key = keys.get(0);
    if (key == null || key.length() != 24 || !key.endsWith("==")) return false;
    for (int i = 0; i < 22; i++) {
      char c = key.charAt(i);
      boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!base64 && c != '+' && c != '/') return false;
    }
    return true;
  }
}
