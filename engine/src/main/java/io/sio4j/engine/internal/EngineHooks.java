package io.sio4j.engine.internal;

import io.sio4j.engine.EngineMiddleware;
import io.sio4j.engine.EngineResponse;
import io.sio4j.engine.HandshakeRequest;
import io.sio4j.engine.HeadersListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine hooks of the official server, independent of the host that carries the bytes: {@code
 * engine.use} middlewares, the {@code initial_headers} / {@code headers} events and {@code
 * generateId}. A host calls {@link #runMiddlewares} once per Engine.IO HTTP request (before its
 * checks), {@link #fireHeaders} just before writing a polling response or a WebSocket 101, and
 * {@link #generateId} once per handshake.
 *
 * <p>Threading: thread-safe; registration is rare, dispatch frequent (copy-on-write lists).
 */
public final class EngineHooks {
  private static final Logger log = LoggerFactory.getLogger("io.sio4j.engine");
  private static final Pattern ID_CHARS = Pattern.compile("[A-Za-z0-9_.~-]{1,256}");

  private final List<EngineMiddleware> middlewares = new CopyOnWriteArrayList<>();
  private final List<HeadersListener> initialHeaders = new CopyOnWriteArrayList<>();
  private final List<HeadersListener> headers = new CopyOnWriteArrayList<>();
  private final Function<HandshakeRequest, CompletionStage<String>> idGenerator;

  /** Hooks with the given {@code generateId} option (null for the default ids). */
  public EngineHooks(Function<HandshakeRequest, CompletionStage<String>> idGenerator) {
    this.idGenerator = idGenerator;
  }

  /** Adds a middleware ({@code engine.use}). */
  public void use(EngineMiddleware middleware) {
    middlewares.add(Objects.requireNonNull(middleware, "middleware"));
  }

  /** Adds an {@code initial_headers} or {@code headers} listener. */
  public void on(String event, HeadersListener listener) {
    Objects.requireNonNull(listener, "listener");
    switch (Objects.requireNonNull(event, "event")) {
      case "initial_headers" -> initialHeaders.add(listener);
      case "headers" -> headers.add(listener);
      default ->
          throw new IllegalArgumentException(
              "unknown engine event '" + event + "' (initial_headers or headers)");
    }
  }

  /** Whether any middleware is installed (else a host skips building the request view). */
  public boolean hasMiddlewares() {
    return !middlewares.isEmpty();
  }

  /** Whether any headers listener is installed. */
  public boolean hasHeaderListeners() {
    return !initialHeaders.isEmpty() || !headers.isEmpty();
  }

  /** A new mutable header map with case-insensitive names, as the listeners get it. */
  public static Map<String, List<String>> newHeaderMap() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  /**
   * Calls the {@code initial_headers} listeners (when {@code initial}), then the {@code headers}
   * ones, on {@code headers} in place. A listener that throws is logged; the others still run.
   */
  public void fireHeaders(
      Map<String, List<String>> headerMap, HandshakeRequest request, boolean initial) {
    if (initial) call(initialHeaders, headerMap, request);
    call(headers, headerMap, request);
  }

  /**
   * The headers of a response after the listeners edited a copy of {@code current}: null when they
   * left an invalid header (logged; the host then keeps {@code current}, as a response must still
   * go out). Used by every host for polling responses and WebSocket 101s.
   */
  public Map<String, List<String>> edited(
      Map<String, List<String>> current, HandshakeRequest request, boolean initial) {
    Map<String, List<String>> map = newHeaderMap();
    current.forEach((k, v) -> map.put(k, new ArrayList<>(v)));
    fireHeaders(map, request, initial);
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      if (!HeaderChars.validHeader(e.getKey(), e.getValue())) {
        // like Node's writeHead with an invalid header, but without failing the session's response
        log.warn("headers listener set an invalid header {}; listeners' edits dropped", e.getKey());
        return null;
      }
    }
    return map;
  }

  private static void call(
      List<HeadersListener> listeners, Map<String, List<String>> map, HandshakeRequest request) {
    for (HeadersListener l : listeners) {
      try {
        l.onHeaders(map, request);
      } catch (RuntimeException e) {
        log.warn("headers listener failed for {} {}", request.method(), request.url(), e);
      }
    }
  }

  /**
   * The id of a new session: the {@code generateId} option's, validated, or {@code defaultId}'s.
   * The stage fails with {@link IllegalArgumentException} when the generator fails or its id is
   * unusable (the host refuses the handshake with code 3); uniqueness is the registry's to check.
   */
  public CompletionStage<String> generateId(
      HandshakeRequest request, java.util.function.Supplier<String> defaultId) {
    if (idGenerator == null) return CompletableFuture.completedFuture(defaultId.get());
    CompletionStage<String> stage;
    try {
      stage = Objects.requireNonNull(idGenerator.apply(request), "generateId returned null");
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("generateId failed", e));
    }
    return stage.thenApply(
        id -> {
          if (id == null || !ID_CHARS.matcher(id).matches()) {
            throw new IllegalArgumentException("generateId gave an unusable id: " + id);
          }
          return id;
        });
  }

  /**
   * What the chain of middlewares decided; exactly one method is called, on the host's executor.
   */
  public interface MiddlewareOutcome {
    /** Every middleware called {@code next.proceed()}; {@code headers} were set by them. */
    void proceed(Map<String, List<String>> headers);

    /** A middleware answered the request itself. */
    void respond(int status, Map<String, List<String>> headers, String contentType, String body);

    /** A middleware called {@code next.fail} or threw: the host answers 400, code 3. */
    void fail(Throwable error);
  }

  /**
   * Runs the middlewares on {@code loop} and reports to {@code outcome} there. Returns the run,
   * whose {@link MiddlewareRun#abandon()} a host calls when the connection closes first.
   */
  public MiddlewareRun runMiddlewares(
      HandshakeRequest request, Executor loop, MiddlewareOutcome outcome) {
    MiddlewareRun run = new MiddlewareRun(List.copyOf(middlewares), request, loop, outcome);
    loop.execute(() -> run.step(0));
    return run;
  }

  /** One request's pass through the middlewares. Thread-safe. */
  public static final class MiddlewareRun implements EngineResponse {
    private final List<EngineMiddleware> chain;
    private final HandshakeRequest request;
    private final Executor loop;
    private final MiddlewareOutcome outcome;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final Map<String, List<String>> headers = newHeaderMap(); // guarded by this

    MiddlewareRun(
        List<EngineMiddleware> chain,
        HandshakeRequest request,
        Executor loop,
        MiddlewareOutcome outcome) {
      this.chain = chain;
      this.request = request;
      this.loop = loop;
      this.outcome = outcome;
    }

    /**
     * The connection closed before the chain answered: nothing will be reported. Returns whether
     * this call settled the run (then the host releases what it kept for it).
     */
    public boolean abandon() {
      return settled.compareAndSet(false, true);
    }

    private void step(int i) {
      if (settled.get()) return;
      if (i == chain.size()) {
        if (settled.compareAndSet(false, true)) outcome.proceed(copyHeaders());
        return;
      }
      AtomicBoolean answered = new AtomicBoolean();
      EngineMiddleware.Next next =
          new EngineMiddleware.Next() {
            @Override
            public void proceed() {
              if (answered.compareAndSet(false, true)) loop.execute(() -> step(i + 1));
              else log.debug("middleware {} answered twice for {}", i, request.url());
            }

            @Override
            public void fail(Throwable error) {
              if (answered.compareAndSet(false, true)) settle(() -> outcome.fail(error));
              else log.debug("middleware {} answered twice for {}", i, request.url());
            }
          };
      try {
        chain.get(i).handle(request, this, next);
      } catch (RuntimeException e) {
        log.debug("middleware {} threw for {} {}", i, request.method(), request.url(), e);
        next.fail(e);
      }
    }

    private void settle(Runnable report) {
      if (settled.compareAndSet(false, true)) loop.execute(report);
    }

    private synchronized Map<String, List<String>> copyHeaders() {
      Map<String, List<String>> copy = newHeaderMap();
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return copy;
    }

    @Override
    public synchronized void setHeader(String name, String value) {
      check(name, value);
      List<String> values = new ArrayList<>(1);
      values.add(Objects.requireNonNull(value, "value"));
      headers.put(Objects.requireNonNull(name, "name"), values);
    }

    @Override
    public synchronized void addHeader(String name, String value) {
      check(name, value);
      headers
          .computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>(1))
          .add(Objects.requireNonNull(value, "value"));
    }

    private static void check(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (!HeaderChars.validHeader(name, List.of(value))) {
        throw new IllegalArgumentException("invalid header " + name + ": " + value);
      }
    }

    @Override
    public Map<String, List<String>> headers() {
      return copyHeaders();
    }

    @Override
    public void end(int status, String contentType, String body) {
      if (status < 100 || status > 599) throw new IllegalArgumentException("status " + status);
      Map<String, List<String>> h = copyHeaders();
      settle(() -> outcome.respond(status, h, contentType, body));
    }
  }
}
