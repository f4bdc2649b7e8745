package io.sio4j.engine;

import io.sio4j.protocol.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Immutable Engine.IO server options, with the official engine.io defaults.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.builder()
 *     .path("/socket.io/")
 *     .pingInterval(Duration.ofSeconds(25))
 *     .cors(CorsOptions.builder().origins("https://app.example").build())
 *     .build();
 * }</pre>
 */
public final class EngineOptions {
  /** Transport name of HTTP long-polling. */
  public static final String POLLING = "polling";

  /** Transport name of WebSocket. */
  public static final String WEBSOCKET = "websocket";

  private final String path;
  private final Duration pingInterval;
  private final Duration pingTimeout;
  private final Duration upgradeTimeout;
  private final int maxHttpBufferSize;
  private final List<String> transports;
  private final boolean allowUpgrades;
  private final boolean allowEIO3;
  private final CookieOptions cookie;
  private final CorsOptions cors;
  private final AllowRequest allowRequest;
  private final boolean addTrailingSlash;
  private final boolean httpCompression;
  private final int httpCompressionThreshold;
  private final boolean perMessageDeflate;
  private final HttpHandler httpHandler;
  private final int ioThreads;
  private final long maxBufferedBytes;
  private final String initialPacket;
  private final Scheduler scheduler;
  private final TlsOptions tls;
  private final Function<HandshakeRequest, CompletionStage<String>> generateId;
  private final EngineInstrumentation instrumentation;
  private final MemoryBudget memoryBudget;
  private final Duration headersTimeout;
  private final Duration requestTimeout;
  private final int maxSessions;
  private final int maxHttpHeaderSize;
  private final int maxHttpLineLength;

  private EngineOptions(Builder b) {
    this.path = b.path;
    this.pingInterval = b.pingInterval;
    this.pingTimeout = b.pingTimeout;
    this.upgradeTimeout = b.upgradeTimeout;
    this.maxHttpBufferSize = b.maxHttpBufferSize;
    this.transports = List.copyOf(b.transports);
    this.allowUpgrades = b.allowUpgrades;
    this.allowEIO3 = b.allowEIO3;
    this.cookie = b.cookie;
    this.cors = b.cors;
    this.allowRequest = b.allowRequest;
    this.addTrailingSlash = b.addTrailingSlash;
    this.httpCompression = b.httpCompression;
    this.httpCompressionThreshold = b.httpCompressionThreshold;
    this.perMessageDeflate = b.perMessageDeflate;
    this.httpHandler = b.httpHandler;
    this.ioThreads = b.ioThreads;
    this.maxBufferedBytes = b.maxBufferedBytes;
    this.initialPacket = b.initialPacket;
    this.scheduler = b.scheduler;
    this.tls = b.tls;
    this.generateId = b.generateId;
    this.instrumentation = b.instrumentation;
    this.memoryBudget = b.memoryBudget;
    this.headersTimeout = b.headersTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxSessions = b.maxSessions;
    this.maxHttpHeaderSize = b.maxHttpHeaderSize;
    this.maxHttpLineLength = b.maxHttpLineLength;
  }

  /** A builder with the official defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.path = path;
    b.pingInterval = pingInterval;
    b.pingTimeout = pingTimeout;
    b.upgradeTimeout = upgradeTimeout;
    b.maxHttpBufferSize = maxHttpBufferSize;
    b.transports = transports;
    b.allowUpgrades = allowUpgrades;
    b.allowEIO3 = allowEIO3;
    b.cookie = cookie;
    b.cors = cors;
    b.allowRequest = allowRequest;
    b.addTrailingSlash = addTrailingSlash;
    b.httpCompression = httpCompression;
    b.httpCompressionThreshold = httpCompressionThreshold;
    b.perMessageDeflate = perMessageDeflate;
    b.httpHandler = httpHandler;
    b.ioThreads = ioThreads;
    b.maxBufferedBytes = maxBufferedBytes;
    b.initialPacket = initialPacket;
    b.scheduler = scheduler;
    b.tls = tls;
    b.generateId = generateId;
    b.instrumentation = instrumentation;
    b.memoryBudget = memoryBudget;
    b.headersTimeout = headersTimeout;
    b.requestTimeout = requestTimeout;
    b.maxSessions = maxSessions;
    b.maxHttpHeaderSize = maxHttpHeaderSize;
    b.maxHttpLineLength = maxHttpLineLength;
    return b;
  }

  /** The request path, default {@code /engine.io/}; always starts and ends with {@code /}. */
  public String path() {
    return path;
  }

  /** Interval between server pings, default 25 s. */
  public Duration pingInterval() {
    return pingInterval;
  }

  /** How long to wait for a pong, default 20 s. */
  public Duration pingTimeout() {
    return pingTimeout;
  }

  /** How long an upgrade may take before the probe transport is dropped, default 10 s. */
  public Duration upgradeTimeout() {
    return upgradeTimeout;
  }

  /** Largest accepted message or POST body in bytes, default 1 000 000 ({@code maxPayload}). */
  public int maxHttpBufferSize() {
    return maxHttpBufferSize;
  }

  /** Enabled transports, default polling and websocket. */
  public List<String> transports() {
    return transports;
  }

  /** Whether polling sessions may upgrade to WebSocket, default true. */
  public boolean allowUpgrades() {
    return allowUpgrades;
  }

  /**
   * Whether Engine.IO v3 clients ({@code EIO=3}: Socket.IO v2 JavaScript clients, {@code
   * io.socket:socket.io-client} 1.x) may connect; off by default, as in the official server. They
   * get the v3 framing, their own heartbeat direction (the client pings) and JSONP, and the
   * Socket.IO layer speaks protocol v4 to them. Any {@code EIO} other than {@code 4} is treated as
   * v3, like the official server does.
   */
  public boolean allowEIO3() {
    return allowEIO3;
  }

  /** The sid cookie, or {@code null} for none (the default). */
  public CookieOptions cookie() {
    return cookie;
  }

  /** CORS settings, or {@code null}: no cross-origin headers (the default). */
  public CorsOptions cors() {
    return cors;
  }

  /** The request filter, or {@code null} to accept all. */
  public AllowRequest allowRequest() {
    return allowRequest;
  }

  /**
   * The session id generator (the official {@code generateId} option), or {@code null} for the
   * default: 20 random bytes from {@link java.security.SecureRandom}, base64url. A custom id must
   * be non-empty, at most 256 characters of {@code [A-Za-z0-9_.~-]} (it travels in URLs), and not
   * in use by an open session; otherwise, or when the generator fails, the handshake is refused
   * with HTTP 400 {@code {"code":3,"message":"Bad request"}}.
   */
  public Function<HandshakeRequest, CompletionStage<String>> generateId() {
    return generateId;
  }

  /** Whether the path is matched with a trailing slash added, default true. */
  public boolean addTrailingSlash() {
    return addTrailingSlash;
  }

  /**
   * Whether polling responses are gzip/deflate compressed when the client accepts, default true.
   */
  public boolean httpCompression() {
    return httpCompression;
  }

  /** Smallest response compressed, in bytes, default 1024. */
  public int httpCompressionThreshold() {
    return httpCompressionThreshold;
  }

  /** Whether WebSocket permessage-deflate is offered, default false. */
  public boolean perMessageDeflate() {
    return perMessageDeflate;
  }

  /** Handler for other HTTP requests on the same port, or {@code null} (404). */
  public HttpHandler httpHandler() {
    return httpHandler;
  }

  /**
   * Number of I/O threads (event loops), 0 for one per core ({@code availableProcessors}, which
   * follows the process's CPU affinity and Netty's {@code io.netty.availableProcessors}).
   */
  public int ioThreads() {
    return ioThreads;
  }

  /**
   * Bound of a session's outbound bytes, default 100 000 000 (a sio4j addition; the official server
   * has none): its write buffer plus, on polling, the responses written but not yet taken by the
   * peer. Volatile messages are dropped while the transport cannot take them; at the bound the
   * queued volatile messages are dropped first, and a session still past it is closed with {@code
   * "transport error"} (description {@code "write buffer full"}), on polling and WebSocket alike.
   */
  public long maxBufferedBytes() {
    return maxBufferedBytes;
  }

  /**
   * A text message sent to every new session right after the OPEN packet (the official {@code
   * initialPacket}), or {@code null} for none (the default).
   */
  public String initialPacket() {
    return initialPacket;
  }

  /**
   * The scheduler every session timer goes through (heartbeat, upgrade timeout) and whose clock
   * decides when a pong is overdue, or {@code null} (the default) for each session's own Netty
   * event loop. A task of an injected scheduler still runs on the session's event loop: it is
   * handed there when it fires, and a timer cancelled meanwhile does not run. Tests inject the
   * testkit's {@code VirtualClock}.
   */
  public Scheduler scheduler() {
    return scheduler;
  }

  /**
   * TLS of the Netty listener (https and wss only), or {@code null} for plain http and ws (the
   * default). See {@link EngineServer#reloadTls()}.
   */
  public TlsOptions tls() {
    return tls;
  }

  /** The metrics callbacks; {@link EngineInstrumentation#NONE} by default. */
  public EngineInstrumentation instrumentation() {
    return instrumentation;
  }

  /**
   * The budget for bytes held on behalf of peers (outbound buffers, polling responses not yet
   * taken, partial packets, request bodies), default {@link MemoryBudget#processWide()}: a quarter
   * of the maximum heap, shared by every server in the JVM. A sio4j addition.
   */
  public MemoryBudget memoryBudget() {
    return memoryBudget;
  }

  /**
   * How long a request's line and headers may take to arrive, from its first byte, default 60 s
   * (Node's {@code server.headersTimeout}). A connection past it is closed. Netty host only.
   */
  public Duration headersTimeout() {
    return headersTimeout;
  }

  /**
   * How long a whole request (headers and body) may take to arrive, from its first byte, default
   * 300 s (Node's {@code server.requestTimeout}). A connection past it is closed. Netty host only.
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Most sessions open at once, default one per 16 KiB of {@link Runtime#maxMemory()} (at least
   * 1024; 32 768 for a 512 MB heap). A handshake past it is refused with HTTP 503 {@code
   * {"code":4,"message":"Server full"}} (a plain 400 for a WebSocket), before any session exists. A
   * sio4j addition (issue 14). Netty host only.
   */
  public int maxSessions() {
    return maxSessions;
  }

  /**
   * Largest header block of a request in bytes, default 16 384 (Node's {@code maxHeaderSize}); past
   * it the request is answered {@code 431} and the connection closed. Netty host only.
   */
  public int maxHttpHeaderSize() {
    return maxHttpHeaderSize;
  }

  /**
   * Longest request line in bytes, default 8 192; past it the request is answered {@code 414} and
   * the connection closed. Netty host only.
   */
  public int maxHttpLineLength() {
    return maxHttpLineLength;
  }

  /** Builds {@link EngineOptions}; {@link #build()} validates. */
  public static final class Builder {
    private String path = "/engine.io/";
    private Duration pingInterval = Duration.ofMillis(25_000);
    private Duration pingTimeout = Duration.ofMillis(20_000);
    private Duration upgradeTimeout = Duration.ofMillis(10_000);
    private int maxHttpBufferSize = 1_000_000;
    private List<String> transports = List.of(POLLING, WEBSOCKET);
    private boolean allowUpgrades = true;
    private boolean allowEIO3;
    private CookieOptions cookie;
    private CorsOptions cors;
    private AllowRequest allowRequest;
    private boolean addTrailingSlash = true;
    private boolean httpCompression = true;
    private int httpCompressionThreshold = 1024;
    private boolean perMessageDeflate;
    private HttpHandler httpHandler;
    private int ioThreads;
    private long maxBufferedBytes = 100_000_000L;
    private String initialPacket;
    private Scheduler scheduler;
    private TlsOptions tls;
    private Function<HandshakeRequest, CompletionStage<String>> generateId;
    private EngineInstrumentation instrumentation = EngineInstrumentation.NONE;
    private MemoryBudget memoryBudget = MemoryBudget.processWide();
    private Duration headersTimeout = Duration.ofSeconds(60);
    private Duration requestTimeout = Duration.ofSeconds(300);
    private int maxSessions =
        (int) Math.min(Integer.MAX_VALUE, Math.max(1024, Runtime.getRuntime().maxMemory() >> 14));
    private int maxHttpHeaderSize = 16_384;
    private int maxHttpLineLength = 8_192;

    private Builder() {}

    /** See {@link EngineOptions#maxSessions()}. */
    public Builder maxSessions(int max) {
      if (max <= 0) throw new IllegalArgumentException("maxSessions must be > 0");
      this.maxSessions = max;
      return this;
    }

    /** See {@link EngineOptions#maxHttpHeaderSize()}. */
    public Builder maxHttpHeaderSize(int bytes) {
      if (bytes <= 0) throw new IllegalArgumentException("maxHttpHeaderSize must be > 0");
      this.maxHttpHeaderSize = bytes;
      return this;
    }

    /** See {@link EngineOptions#maxHttpLineLength()}. */
    public Builder maxHttpLineLength(int bytes) {
      if (bytes <= 0) throw new IllegalArgumentException("maxHttpLineLength must be > 0");
      this.maxHttpLineLength = bytes;
      return this;
    }

    /** See {@link EngineOptions#memoryBudget()}. */
    public Builder memoryBudget(MemoryBudget budget) {
      this.memoryBudget = Objects.requireNonNull(budget, "memoryBudget");
      return this;
    }

    /** See {@link EngineOptions#headersTimeout()}. */
    public Builder headersTimeout(Duration d) {
      this.headersTimeout = positive(d, "headersTimeout");
      return this;
    }

    /** See {@link EngineOptions#requestTimeout()}. */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = positive(d, "requestTimeout");
      return this;
    }

    /** See {@link EngineOptions#path()}. */
    public Builder path(String path) {
      String p = Objects.requireNonNull(path, "path");
      if (!p.startsWith("/")) p = "/" + p;
      if (!p.endsWith("/")) p = p + "/";
      this.path = p;
      return this;
    }

    /** See {@link EngineOptions#pingInterval()}. */
    public Builder pingInterval(Duration d) {
      this.pingInterval = positive(d, "pingInterval");
      return this;
    }

    /** See {@link EngineOptions#pingTimeout()}. */
    public Builder pingTimeout(Duration d) {
      this.pingTimeout = positive(d, "pingTimeout");
      return this;
    }

    /** See {@link EngineOptions#upgradeTimeout()}. */
    public Builder upgradeTimeout(Duration d) {
      this.upgradeTimeout = positive(d, "upgradeTimeout");
      return this;
    }

    /** See {@link EngineOptions#maxHttpBufferSize()}. */
    public Builder maxHttpBufferSize(int bytes) {
      if (bytes <= 0) throw new IllegalArgumentException("maxHttpBufferSize must be > 0");
      this.maxHttpBufferSize = bytes;
      return this;
    }

    /** See {@link EngineOptions#transports()}. */
    public Builder transports(String... transports) {
      for (String t : transports) {
        if (!POLLING.equals(t) && !WEBSOCKET.equals(t)) {
          throw new IllegalArgumentException("unknown transport: " + t);
        }
      }
      if (transports.length == 0) throw new IllegalArgumentException("no transports");
      this.transports = List.of(transports);
      return this;
    }

    /** See {@link EngineOptions#allowEIO3()}. */
    public Builder allowEIO3(boolean allow) {
      this.allowEIO3 = allow;
      return this;
    }

    /** See {@link EngineOptions#allowUpgrades()}. */
    public Builder allowUpgrades(boolean allow) {
      this.allowUpgrades = allow;
      return this;
    }

    /** See {@link EngineOptions#cookie()}. */
    public Builder cookie(CookieOptions cookie) {
      this.cookie = cookie;
      return this;
    }

    /** See {@link EngineOptions#cors()}. */
    public Builder cors(CorsOptions cors) {
      this.cors = cors;
      return this;
    }

    /** See {@link EngineOptions#allowRequest()}. */
    public Builder allowRequest(AllowRequest allowRequest) {
      this.allowRequest = allowRequest;
      return this;
    }

    /**
     * A synchronous session id generator, see {@link EngineOptions#generateId()}.
     *
     * <pre>{@code
     * EngineOptions.builder().generateId(req -> "u-" + UUID.randomUUID()).build();
     * }</pre>
     */
    public Builder generateId(Function<HandshakeRequest, String> generator) {
      Objects.requireNonNull(generator, "generator");
      this.generateId = req -> CompletableFuture.completedFuture(generator.apply(req));
      return this;
    }

    /**
     * An asynchronous session id generator (like the official one returning a Promise): the
     * handshake waits for the stage, without blocking the event loop. See {@link
     * EngineOptions#generateId()}.
     */
    public Builder generateIdAsync(Function<HandshakeRequest, CompletionStage<String>> generator) {
      this.generateId = Objects.requireNonNull(generator, "generator");
      return this;
    }

    /** See {@link EngineOptions#addTrailingSlash()}. */
    public Builder addTrailingSlash(boolean add) {
      this.addTrailingSlash = add;
      return this;
    }

    /** See {@link EngineOptions#httpCompression()}. */
    public Builder httpCompression(boolean enabled) {
      this.httpCompression = enabled;
      return this;
    }

    /** See {@link EngineOptions#httpCompressionThreshold()}. */
    public Builder httpCompressionThreshold(int bytes) {
      this.httpCompressionThreshold = bytes;
      return this;
    }

    /** See {@link EngineOptions#perMessageDeflate()}. */
    public Builder perMessageDeflate(boolean enabled) {
      this.perMessageDeflate = enabled;
      return this;
    }

    /** See {@link EngineOptions#httpHandler()}. */
    public Builder httpHandler(HttpHandler handler) {
      this.httpHandler = handler;
      return this;
    }

    /** See {@link EngineOptions#ioThreads()}. */
    public Builder ioThreads(int threads) {
      if (threads < 0) throw new IllegalArgumentException("ioThreads must be >= 0");
      this.ioThreads = threads;
      return this;
    }

    /** See {@link EngineOptions#scheduler()}; {@code null} restores the event-loop default. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** See {@link EngineOptions#instrumentation()}. */
    public Builder instrumentation(EngineInstrumentation instrumentation) {
      this.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
      return this;
    }

    /** See {@link EngineOptions#initialPacket()}. */
    public Builder initialPacket(String text) {
      this.initialPacket = text;
      return this;
    }

    /** See {@link EngineOptions#maxBufferedBytes()}. */
    public Builder maxBufferedBytes(long bytes) {
      if (bytes <= 0) throw new IllegalArgumentException("maxBufferedBytes must be > 0");
      this.maxBufferedBytes = bytes;
      return this;
    }

    /** See {@link EngineOptions#tls()}. */
    public Builder tls(TlsOptions tls) {
      this.tls = tls;
      return this;
    }

    /** Validates and builds. */
    public EngineOptions build() {
      if (requestTimeout.compareTo(headersTimeout) < 0) {
        throw new IllegalArgumentException("requestTimeout must be >= headersTimeout");
      }
      return new EngineOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0");
      return d;
    }
  }
}
