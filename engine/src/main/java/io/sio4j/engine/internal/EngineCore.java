package io.sio4j.engine.internal;

import io.netty.channel.EventLoop;
import io.sio4j.engine.CookieOptions;
import io.sio4j.engine.EngineConnectionError;
import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.EngineSocket;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.ids.RandomIds;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every host shares: the options, the session registry, session ids, the engine hooks, the sid
 * cookie, the upgrade list of the OPEN packet and the connection listeners. A host (the Netty
 * pipeline, the Jakarta servlet and endpoint) parses requests its own way, lets {@link
 * EngineRequestFlow} run the official server's steps on them, and drives {@link EngineSession}s
 * through {@link PollingTransport} and {@link Transport}.
 *
 * <pre>{@code
 * EngineCore core = new EngineCore(options);
 * EngineSession s = core.newSession(handshake, loop, core.newId());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class EngineCore {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  /** 20 random bytes per session id, drawn 32 ids at a time. */
  private final RandomIds ids = new RandomIds(20, 32);

  private final EngineOptions options;
  private final SessionRegistry registry = new SessionRegistry();
  private final List<Consumer<EngineSocket>> connectionListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<EngineConnectionError>> errorListeners = new CopyOnWriteArrayList<>();
  private final EngineHooks hooks;

  /** A core for these options. */
  public EngineCore(EngineOptions options) {
    this.options = options;
    this.hooks = new EngineHooks(options.generateId());
    // the OPEN packet's options part, once per server rather than on the first connection
    WirePacket.prepareOpen(options, upgradesFrom(EngineOptions.WEBSOCKET));
    WirePacket.prepareOpen(options, upgradesFrom(EngineOptions.POLLING));
  }

  /**
   * The engine hooks ({@code engine.use}, {@code initial_headers} / {@code headers}, generateId).
   */
  public EngineHooks hooks() {
    return hooks;
  }

  /** The options. */
  public EngineOptions options() {
    return options;
  }

  /** Adds a connection listener. */
  public void onConnection(Consumer<EngineSocket> listener) {
    connectionListeners.add(listener);
  }

  /** Adds a connection-error listener. */
  public void onConnectionError(Consumer<EngineConnectionError> listener) {
    errorListeners.add(listener);
  }

  SessionRegistry registry() {
    return registry;
  }

  /** The open session with this id, or null. */
  public EngineSession session(String sid) {
    return registry.get(sid);
  }

  /** Whether this sid was just closed by its client (its overtaken poll gets NOOP); once. */
  public boolean takeClientClose(String sid) {
    return registry.takeClientClose(sid);
  }

  /** The number of open sessions. */
  public int clientsCount() {
    return registry.size();
  }

  /** Closes every session with "server shutting down". */
  public void shutdownSessions() {
    for (EngineSession s : registry.snapshot()) s.shutdown();
  }

  /**
   * A new registered session with {@code id} (a fresh {@link #newId()} or the {@code generateId}
   * hook's, never the client's), confined to {@code loop}; null when a session has that id.
   */
  public EngineSession newSession(HandshakeRequest request, EventLoop loop, String id) {
    EngineSession s = createSession(request, loop, id);
    return registry.add(s) ? s : null;
  }

  /** A new session not yet registered (see {@link #register}). */
  public EngineSession createSession(HandshakeRequest request, EventLoop loop, String id) {
    return new EngineSession(id, request, loop, options, registry);
  }

  /** Registers a session made by {@link #createSession}; false when its id is taken. */
  public boolean register(EngineSession session) {
    return registry.add(session);
  }

  /** Whether a session with this id is open. */
  public boolean idInUse(String id) {
    return registry.get(id) != null;
  }

  /** A fresh default session id: 20 random bytes ({@link RandomIds}), base64url. */
  public String newId() {
    return ids.next();
  }

  /** The Set-Cookie value for the sid cookie, or null when the cookie option is off. */
  public String sidCookie(String sid) {
    CookieOptions c = options.cookie();
    if (c == null) return null;
    StringBuilder sb = new StringBuilder(c.name()).append('=').append(sid);
    if (c.path() != null) sb.append("; Path=").append(c.path());
    if (c.httpOnly()) sb.append("; HttpOnly");
    if (c.sameSite() != null) sb.append("; SameSite=").append(c.sameSite());
    return sb.toString();
  }

  /** The transports a session on {@code transport} may upgrade to (the OPEN packet's list). */
  public List<String> upgradesFrom(String transport) {
    if (EngineOptions.POLLING.equals(transport)
        && options.allowUpgrades()
        && options.transports().contains(EngineOptions.WEBSOCKET)) {
      return List.of(EngineOptions.WEBSOCKET);
    }
    return List.of();
  }

  /** Tells the connection listeners about a new, open session. */
  public void fireConnection(EngineSession session) {
    for (Consumer<EngineSocket> l : connectionListeners) {
      try {
        l.accept(session);
      } catch (RuntimeException e) {
        log.warn("connection listener failed", e);
      }
    }
  }

  /** Tells the error listeners about a refused request; the request is built only if needed. */
  public void fireConnectionError(
      int code, String message, String method, String uri, Supplier<HandshakeRequest> request) {
    log.debug("refused {} {}: {} {}", method, uri, code, message);
    if (errorListeners.isEmpty()) return;
    EngineConnectionError error = new EngineConnectionError(code, message, request.get());
    for (Consumer<EngineConnectionError> l : errorListeners) {
      try {
        l.accept(error);
      } catch (RuntimeException e) {
        log.warn("connection_error listener failed", e);
      }
    }
  }
}
