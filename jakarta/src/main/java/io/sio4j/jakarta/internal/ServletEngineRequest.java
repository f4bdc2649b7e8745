package io.sio4j.jakarta.internal;

import io.sio4j.engine.EngineOptions;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.internal.EngineCore;
import io.sio4j.engine.internal.EngineError;
import io.sio4j.engine.internal.EngineHooks;
import io.sio4j.engine.internal.EngineRequestFlow;
import io.sio4j.engine.internal.EngineRoutes;
import io.sio4j.engine.internal.EngineSession;
import io.sio4j.engine.internal.PollingTransport;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO request on the Jakarta host, carried out for {@link EngineRequestFlow} (the steps
 * every host shares). A polling request goes async as soon as the flow waits for something (a
 * middleware, {@code allowRequest}, {@code generateId}) or answers, and goes on on a session
 * executor; a WebSocket upgrade request stays on its container thread, which {@code
 * upgradeHttpToWebSocket} needs, and runs the handed-back steps there ({@link
 * RequestThreadExecutor}).
 *
 * <p>Threading: made and {@link #run} on the container thread; the flow's answers come from that
 * thread or, after an asynchronous step of a polling request, from a session executor.
 */
final class ServletEngineRequest implements EngineRequestFlow.Host {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine.jakarta");
  private static final String TEXT = "text/plain; charset=UTF-8";

  private final JakartaEngineServer server;
  private final EngineCore core;
  private final EngineOptions options;
  private final WebSocketUpgrades upgrades;
  private final HttpServletRequest req;
  private final HttpServletResponse res;
  private final Map<String, List<String>> params;
  private final boolean upgrade;
  private final String origin;
  private final String jsonp;
  private final RequestThreadExecutor onThread;
  private final Executor executor;
  private volatile HandshakeRequest view;
  private volatile boolean gone;
  private AsyncContext async; // guarded by this

  ServletEngineRequest(
      JakartaEngineServer server,
      WebSocketUpgrades upgrades,
      HttpServletRequest req,
      HttpServletResponse res,
      Map<String, List<String>> params,
      boolean upgrade) {
    this.server = server;
    this.core = server.core();
    this.options = core.options();
    this.upgrades = upgrades;
    this.req = req;
    this.res = res;
    this.params = params;
    this.upgrade = upgrade;
    this.origin = req.getHeader("Origin");
    this.jsonp = EngineRoutes.jsonpIndex(params);
    this.onThread = upgrade ? new RequestThreadExecutor() : null;
    this.executor = upgrade ? onThread : server.nextLoop();
    EngineHooks hooks = core.hooks();
    if (hooks.hasMiddlewares() || hooks.hasHeaderListeners() || !params.containsKey("sid")) {
      // frozen here, on the container thread: the principal and the HttpSession are read safely
      this.view = ServletRequests.handshake(req, params);
    }
  }

  /** Runs the flow; an upgrade request waits (bounded) for its answer on this thread. */
  void run() {
    EngineRequestFlow.run(core, this);
    if (onThread == null) return;
    boolean answered;
    try {
      // a client that waits longer than a heartbeat round for its 101 has given up
      answered = onThread.drain(options.pingInterval().plus(options.pingTimeout()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answered = false;
    }
    if (!answered) {
      gone = true;
      log.debug("no answer for the upgrade request {} in time; refused", req.getRequestURI());
      WebSocketUpgrades.refuse(res, EngineError.BAD_REQUEST.message);
    }
  }

  @Override
  public String method() {
    return req.getMethod();
  }

  @Override
  public Map<String, List<String>> params() {
    return params;
  }

  @Override
  public boolean upgrade() {
    return upgrade;
  }

  @Override
  public String origin() {
    return origin;
  }

  @Override
  public String uri() {
    return req.getRequestURI();
  }

  @Override
  public HandshakeRequest view() {
    HandshakeRequest v = view;
    if (v == null) {
      v = ServletRequests.handshake(req, params);
      view = v;
    }
    return v;
  }

  @Override
  public Executor executor() {
    return executor;
  }

  @Override
  public boolean open() {
    return !gone;
  }

  @Override
  public void retain() {
    // the first retain comes from the container thread, before the flow waits: go async there
    if (onThread == null) async();
  }

  @Override
  public Runnable whenGone(Runnable onGone) {
    if (onThread != null) return () -> {};
    AtomicBoolean watching = new AtomicBoolean(true);
    async()
        .addListener(
            new Watcher() {
              @Override
              void gone() {
                ServletEngineRequest.this.gone = true;
                if (watching.getAndSet(false)) onGone.run();
              }
            });
    return () -> watching.set(false);
  }

  @Override
  public void preflight() {
    AsyncContext a = async();
    CorsHeaders.preflight(
        options.cors(),
        origin,
        req.getHeader("Access-Control-Request-Headers"),
        (HttpServletResponse) a.getResponse());
    exchange(null).respondEmpty(204);
  }

  @Override
  public void respond(
      int status, Map<String, List<String>> headers, String contentType, String body) {
    String text = body == null ? "" : body;
    if (!upgrade) {
      exchange(headers).respondText(status, contentType, text);
      return;
    }
    // on an upgrade request the answer is written at once and the connection dropped, no CORS
    finished();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    if (headers != null) ServletPollExchange.setAll(res, headers);
    if (contentType != null) res.setContentType(contentType);
    res.setHeader("Connection", "close");
    res.setContentLength(bytes.length);
    try {
      res.getOutputStream().write(bytes);
      res.flushBuffer();
    } catch (IOException e) {
      log.debug("cannot send a middleware's answer: {}", e.toString());
    }
  }

  @Override
  public void refuse(EngineError error, String message, Map<String, List<String>> headers) {
    if (upgrade) {
      finished();
      // like the official server: a plain 400 with the message, then the connection is dropped
      WebSocketUpgrades.refuse(res, message);
    } else {
      exchange(headers).respondError(error, message);
    }
  }

  @Override
  public void closedPoll(String body, Map<String, List<String>> headers) {
    exchange(headers).respondText(200, TEXT, body);
  }

  @Override
  public void upgrade(EngineSession session, Map<String, List<String>> headers) {
    finished();
    upgrades.upgrade(req, res, session, EngineRoutes.wantsBase64(params), view, headers);
  }

  @Override
  public void handshake(HandshakeRequest handshake, String id, Map<String, List<String>> headers) {
    if (upgrade) {
      finished();
      EngineSession session = core.createSession(handshake, server.nextLoop(), id);
      upgrades.handshake(req, res, session, EngineRoutes.wantsBase64(params), handshake, headers);
      return;
    }
    EngineSession session = core.newSession(handshake, server.nextLoop(), id);
    if (session == null) {
      EngineRequestFlow.refuseId(
          core, this, new IllegalArgumentException("session id in use: " + id), headers);
      return;
    }
    PollingTransport polling = new PollingTransport(session, options);
    ServletPollExchange get =
        new ServletPollExchange(
            async(),
            options.cors(),
            origin,
            jsonp,
            core.sidCookie(session.id()),
            headers,
            core.hooks(),
            handshake,
            true);
    watch(session, get);
    session
        .loop()
        .execute(
            () -> {
              session.open(polling, core.upgradesFrom(EngineOptions.POLLING));
              polling.onGet(get);
              core.fireConnection(session);
            });
  }

  @Override
  public void poll(EngineSession session, Map<String, List<String>> headers) {
    ServletPollExchange exchange = exchange(headers);
    String method = req.getMethod();
    if ("GET".equals(method)) {
      watch(session, exchange);
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
      AsyncContext a = async();
      BodyReader.read(
          a,
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
          () -> AsyncWrite.complete(a));
    } else {
      exchange.respondEmpty(500);
    }
  }

  /** A waiting poll whose connection fails or times out is gone, as on the Netty host. */
  private void watch(EngineSession session, ServletPollExchange get) {
    AsyncContext a = async();
    a.addListener(
        new Watcher() {
          @Override
          void gone() {
            if (get.responded()) return;
            session
                .loop()
                .execute(
                    () -> {
                      PollingTransport p = session.pollingTransport();
                      if (p != null) p.onGetClosed(get);
                    });
            AsyncWrite.complete(a);
          }
        });
  }

  private ServletPollExchange exchange(Map<String, List<String>> headers) {
    return new ServletPollExchange(
        async(), options.cors(), origin, jsonp, null, headers, core.hooks(), view, false);
  }

  private synchronized AsyncContext async() {
    if (async == null) {
      async = req.startAsync();
      async.setTimeout(0); // the session's heartbeat bounds a poll, not the container
    }
    return async;
  }

  private void finished() {
    if (onThread != null) onThread.finish();
  }

  /** An {@link AsyncListener} that only cares about the request going away. */
  private abstract static class Watcher implements AsyncListener {
    abstract void gone();

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
  }
}
