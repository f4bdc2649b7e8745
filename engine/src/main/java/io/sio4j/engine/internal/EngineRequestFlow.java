package io.sio4j.engine.internal;

import io.sio4j.engine.AllowRequest;
import io.sio4j.engine.HandshakeRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official server's steps for one HTTP request of the Engine.IO path, written once for every
 * host: the CORS preflight, the {@code engine.use} middlewares ({@code _applyMiddlewares}), the
 * checks of {@code verify} ({@link EngineRoutes#route}), {@code allowRequest}, {@code generateId},
 * then a handshake, a poll or an upgrade, which the {@link Host} carries out its own way. Every
 * refusal goes through one place: counted, told to the {@code connection_error} listeners, then
 * answered by the host.
 *
 * <pre>{@code
 * EngineRequestFlow.run(core, new NettyRequest(ctx, req, params, meta));
 * }</pre>
 *
 * <p>Threading: {@link #run} is called on the thread that received the request; after an
 * asynchronous step (a middleware, {@code allowRequest}, {@code generateId}) the flow goes on on
 * the host's {@link Host#executor()}.
 */
public final class EngineRequestFlow {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");

  private EngineRequestFlow() {}

  /**
   * One request as a host holds it. The answering methods are terminal: the flow calls exactly one
   * of them per request, unless the connection went away first. {@code headers} are those set by
   * middlewares ({@code res.setHeader}), or null when there are none.
   */
  public interface Host {
    /** The HTTP method, upper-case. */
    String method();

    /** The query parameters, all values. */
    Map<String, List<String>> params();

    /** Whether this is a WebSocket upgrade (GET with {@code Upgrade: websocket}). */
    boolean upgrade();

    /** The Origin header, or null. */
    String origin();

    /** The request URI as sent (for logs and the connection_error listeners). */
    String uri();

    /** The request as the hooks see it; the host builds it once. */
    HandshakeRequest view();

    /** Where the flow goes on after an asynchronous step. */
    Executor executor();

    /** Whether the client is still there; a flow whose client left stops quietly. */
    boolean open();

    /**
     * Keeps the request (its buffers, its async mode) across an asynchronous step; called on the
     * thread of the step before it, matched by one {@link #release()}.
     */
    default void retain() {}

    /** Undoes one {@link #retain()}. */
    default void release() {}

    /**
     * Runs {@code onGone} once if the connection closes before the returned handle is run (which
     * removes it).
     */
    default Runnable whenGone(Runnable onGone) {
      return () -> {};
    }

    /** Answers a CORS preflight. */
    void preflight();

    /** A middleware answered the request itself ({@code res.end}). */
    void respond(int status, Map<String, List<String>> headers, String contentType, String body);

    /**
     * Refuses the request: the official JSON error, or on an upgrade request a plain 400 with the
     * message and the connection dropped.
     */
    void refuse(EngineError error, String message, Map<String, List<String>> headers);

    /**
     * The poll the client sent before its CLOSE packet overtook it: answer 200 with {@code body}, a
     * NOOP packet in the client's framing ({@code 6}, or {@code 1:6} for Engine.IO v3).
     */
    void closedPoll(String body, Map<String, List<String>> headers);

    /** A polling GET or POST of {@code session}. */
    void poll(EngineSession session, Map<String, List<String>> headers);

    /** A WebSocket with the sid of {@code session}: the upgrade probe. */
    void upgrade(EngineSession session, Map<String, List<String>> headers);

    /** A new session with {@code id} (not in use when this is called), polling or WebSocket. */
    void handshake(HandshakeRequest request, String id, Map<String, List<String>> headers);
  }

  /** Runs the steps for {@code host}'s request. */
  public static void run(EngineCore core, Host host) {
    if ("OPTIONS".equals(host.method()) && core.options().cors() != null) {
      host.preflight();
      return;
    }
    if (core.hooks().hasMiddlewares()) applyMiddlewares(core, host);
    else route(core, host, null);
  }

  /**
   * The official {@code _applyMiddlewares}, before {@code verify}: the request is kept until the
   * chain answers or the connection closes, whichever comes first.
   */
  private static void applyMiddlewares(EngineCore core, Host host) {
    host.retain();
    Runnable[] stopWatching = {() -> {}};
    EngineHooks.MiddlewareRun[] run = {null};
    EngineHooks.MiddlewareOutcome outcome =
        new EngineHooks.MiddlewareOutcome() {
          @Override
          public void proceed(Map<String, List<String>> headers) {
            stop();
            try {
              if (host.open()) route(core, host, orNull(headers));
            } finally {
              host.release();
            }
          }

          @Override
          public void respond(
              int status, Map<String, List<String>> headers, String contentType, String body) {
            stop();
            try {
              host.respond(status, orNull(headers), contentType, body);
            } finally {
              host.release();
            }
          }

          @Override
          public void fail(Throwable error) {
            stop();
            try {
              log.debug("middleware refused {} {}: {}", host.method(), host.uri(), error);
              refuse(core, host, EngineError.BAD_REQUEST, null, null);
            } finally {
              host.release();
            }
          }

          private void stop() {
            synchronized (stopWatching) {
              stopWatching[0].run();
            }
          }
        };
    run[0] = core.hooks().runMiddlewares(host.view(), host.executor(), outcome);
    Runnable handle =
        host.whenGone(
            () -> {
              if (run[0].abandon()) host.release();
            });
    synchronized (stopWatching) {
      stopWatching[0] = handle;
    }
  }

  private static void route(EngineCore core, Host host, Map<String, List<String>> headers) {
    EngineRoutes.Route r =
        EngineRoutes.route(core, host.method(), host.params(), host.upgrade(), host.origin());
    switch (r.kind()) {
      case REFUSE -> refuse(core, host, r.error(), null, headers);
      case CLOSED_POLL ->
          host.closedPoll(
              "3".equals(EngineRoutes.single(host.params(), "EIO")) ? "1:6" : "6", headers);
      case POLL -> host.poll(r.session(), headers);
      case UPGRADE -> host.upgrade(r.session(), headers);
      case HANDSHAKE -> allowRequest(core, host, headers);
    }
  }

  private static void allowRequest(EngineCore core, Host host, Map<String, List<String>> headers) {
    HandshakeRequest view = host.view();
    AllowRequest allow = core.options().allowRequest();
    if (allow == null) {
      generateId(core, host, view, headers);
      return;
    }
    CompletionStage<String> verdict;
    try {
      verdict = allow.check(view);
    } catch (RuntimeException e) {
      log.debug("allowRequest failed", e);
      refuse(core, host, EngineError.FORBIDDEN, null, headers);
      return;
    }
    host.retain();
    verdict.whenComplete(
        (reason, error) ->
            host.executor()
                .execute(
                    () -> {
                      try {
                        if (error != null) refuse(core, host, EngineError.FORBIDDEN, null, headers);
                        else if (reason != null)
                          refuse(core, host, EngineError.FORBIDDEN, reason, headers);
                        else if (host.open()) generateId(core, host, view, headers);
                      } finally {
                        host.release();
                      }
                    }));
  }

  /** The official {@code handshake}: an id (maybe from {@code generateId}), then the session. */
  private static void generateId(
      EngineCore core, Host host, HandshakeRequest view, Map<String, List<String>> headers) {
    if (core.options().generateId() == null) {
      // the default id, without a completed future and a supplier per handshake
      handshake(core, host, view, core.newId(), headers);
      return;
    }
    CompletionStage<String> id = core.hooks().generateId(view, core::newId);
    if (id instanceof CompletableFuture<String> done && done.isDone()) {
      if (done.isCompletedExceptionally()) {
        done.whenComplete((v, e) -> refuseId(core, host, e, headers));
      } else {
        handshake(core, host, view, done.join(), headers);
      }
      return;
    }
    host.retain();
    id.whenComplete(
        (value, error) ->
            host.executor()
                .execute(
                    () -> {
                      try {
                        if (error != null) refuseId(core, host, error, headers);
                        else if (host.open()) handshake(core, host, view, value, headers);
                      } finally {
                        host.release();
                      }
                    }));
  }

  private static void handshake(
      EngineCore core,
      Host host,
      HandshakeRequest view,
      String id,
      Map<String, List<String>> headers) {
    if (core.idInUse(id)) {
      refuseId(core, host, new IllegalArgumentException("session id in use: " + id), headers);
      return;
    }
    if (core.clientsCount() >= core.options().maxSessions()) {
      log.debug("maxSessions ({}) open: refusing a handshake", core.options().maxSessions());
      refuse(core, host, EngineError.SERVER_FULL, null, headers);
      return;
    }
    host.handshake(view, id, headers);
  }

  /** A generated id that failed, was unusable or is taken: the official 400, code 3. */
  public static void refuseId(
      EngineCore core, Host host, Throwable error, Map<String, List<String>> headers) {
    log.debug("generateId failed: {}", String.valueOf(error));
    refuse(core, host, EngineError.BAD_REQUEST, null, headers);
  }

  /**
   * Refuses the request: counts it, tells the {@code connection_error} listeners, then lets the
   * host answer.
   */
  public static void refuse(
      EngineCore core,
      Host host,
      EngineError error,
      String customMessage,
      Map<String, List<String>> headers) {
    String message = customMessage != null ? customMessage : error.message;
    core.options().instrumentation().requestRefused(error.code);
    core.fireConnectionError(error.code, message, host.method(), host.uri(), host::view);
    host.refuse(error, message, headers);
  }

  private static Map<String, List<String>> orNull(Map<String, List<String>> headers) {
    return headers == null || headers.isEmpty() ? null : headers;
  }
}
