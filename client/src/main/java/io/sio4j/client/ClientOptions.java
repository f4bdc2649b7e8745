package io.sio4j.client;

import io.sio4j.client.transport.TransportFactory;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.time.Scheduler;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Options of {@link IO#socket(String, ClientOptions)}: those of the JavaScript client's {@code
 * io(url, opts)} (Manager, Engine.IO and Socket options in one object), with the same names and
 * defaults, plus the Java hooks (TLS context, proxy, cookies, listener executor, scheduler,
 * transport factory). Immutable; thread-safe.
 *
 * <pre>{@code
 * ClientOptions opts = ClientOptions.builder()
 *     .transports("websocket")
 *     .auth(() -> Map.of("token", tokens.current()))
 *     .reconnectionDelay(Duration.ofMillis(500))
 *     .ackTimeout(Duration.ofSeconds(5)).retries(3)
 *     .build();
 * }</pre>
 */
public final class ClientOptions {
  /** The defaults, equal to the JavaScript client's. */
  public static final ClientOptions DEFAULTS = builder().build();

  private final ClientOptionValues state;

  private ClientOptions(ClientOptionValues frozen) {
    state = frozen;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to derive a variant. */
  public Builder toBuilder() {
    return new Builder(state.editable());
  }

  /** Whether {@link IO#socket} creates a new Manager instead of reusing one (default false). */
  public boolean forceNew() {
    return state.forceNew;
  }

  /** Whether sockets to the same server share one Manager and connection (default true). */
  public boolean multiplex() {
    return state.multiplex;
  }

  /** Whether {@link IO#socket} connects at once (default true). */
  public boolean autoConnect() {
    return state.autoConnect;
  }

  /** The server path (default {@code /socket.io/}). */
  public String path() {
    return state.path;
  }

  /** Query parameters added to every request (the URL's own query comes first). */
  public Map<String, String> query() {
    return state.query;
  }

  /** Headers added to every HTTP request and to the WebSocket handshake. */
  public Map<String, List<String>> extraHeaders() {
    return state.extraHeaders;
  }

  /** Transports to try, in order (default {@code polling, websocket}). */
  public List<String> transports() {
    return state.transports;
  }

  /** Whether to upgrade from polling to WebSocket (default true). */
  public boolean upgrade() {
    return state.upgrade;
  }

  /** Whether to start with WebSocket after a WebSocket once worked (default false). */
  public boolean rememberUpgrade() {
    return state.rememberUpgrade;
  }

  /**
   * Whether requests carry a cache-busting timestamp; {@code null} (default) means polling does and
   * WebSocket does not, as in the JavaScript client.
   */
  public Boolean timestampRequests() {
    return state.timestampRequests;
  }

  /** The name of the timestamp query parameter (default {@code t}). */
  public String timestampParam() {
    return state.timestampParam;
  }

  /** Whether to reconnect automatically (default true). */
  public boolean reconnection() {
    return state.reconnection;
  }

  /** Reconnection attempts before giving up (default {@link Integer#MAX_VALUE}: unbounded). */
  public int reconnectionAttempts() {
    return state.reconnectionAttempts;
  }

  /** The first reconnection delay (default 1 s), doubled on each attempt. */
  public Duration reconnectionDelay() {
    return state.reconnectionDelay;
  }

  /** The longest reconnection delay (default 5 s). */
  public Duration reconnectionDelayMax() {
    return state.reconnectionDelayMax;
  }

  /** The jitter of the reconnection delay, 0 to 1 (default 0.5). */
  public double randomizationFactor() {
    return state.randomizationFactor;
  }

  /** How long a connection attempt may take before {@code connect_error} (default 20 s). */
  public Duration timeout() {
    return state.timeout;
  }

  /**
   * The authentication payload supplier, called on every (re)connection of every namespace socket;
   * {@code null} when none.
   */
  public Supplier<?> auth() {
    return state.auth;
  }

  /** The default ack timeout of emits with retries ({@code null}: none, the default). */
  public Duration ackTimeout() {
    return state.ackTimeout;
  }

  /** How often an unacknowledged emit is retried (default 0: no retry queue). */
  public int retries() {
    return state.retries;
  }

  /** The TLS context for {@code https}/{@code wss}; {@code null} means the JDK default. */
  public SSLContext sslContext() {
    return state.sslContext;
  }

  /** The proxy selector; {@code null} means a direct connection. */
  public ProxySelector proxy() {
    return state.proxy;
  }

  /** The cookie store; {@code null} means no cookies (the JS client's default outside browsers). */
  public CookieHandler cookieHandler() {
    return state.cookieHandler;
  }

  /**
   * Where listeners run; {@code null} (default) means on the Manager's own thread, in order. Give
   * an executor when listeners block.
   */
  public Executor listenerExecutor() {
    return state.listenerExecutor;
  }

  /**
   * The largest polling response or WebSocket message accepted (default 64 MiB). A WebSocket
   * message is counted as it arrives, fragment by fragment: one past the bound closes the
   * connection with 1009 (message too big) and fails the transport with an {@code IOException}
   * naming this option, before the message is complete (docs/RELIABILITY.md, "Client bounds").
   */
  public int maxIncomingBytes() {
    return state.maxIncomingBytes;
  }

  /**
   * How many received WebSocket messages may wait for the Manager's thread (default {@value
   * Builder#DEFAULT_MAX_QUEUED_INCOMING_MESSAGES}). When a listener is slower than the server, the
   * client stops reading at this bound and resumes once half of the queue is processed:
   * backpressure, so the server's writes wait in TCP buffers (and its own outbound bound) instead
   * of this heap. Polling needs no such bound: the next poll is sent only after the previous
   * response was handled. With a {@link #listenerExecutor()}, that executor's queue is the
   * application's; give it a bounded one (e.g. with {@code CallerRunsPolicy}) to keep the bound.
   */
  public int maxQueuedIncomingMessages() {
    return state.maxQueuedIncomingMessages;
  }

  /**
   * The Socket.IO parser (the JS client's {@code parser} option), default JSON: a new parser with
   * its own mapper each time none was set, so each Manager has its own. Incoming arguments bind
   * with the parser's mapper ({@link SocketIoParser#binding()}), e.g. {@code
   * SocketIoParser.builder().mapper(myMapper).build()} for java.time types both ways. {@code
   * SocketIoParser.msgpack()} talks to servers using socket.io-msgpack-parser.
   */
  public SocketIoParser parser() {
    return state.parser != null ? state.parser : SocketIoParser.json();
  }

  /**
   * The scheduler that times the Manager's timers (connection timeout, reconnection backoff, ping
   * deadline, acknowledgement timeouts), or {@code null} (default) for the Manager's own thread.
   * Tasks always run on the Manager's thread; an injected scheduler only decides when. Tests pass
   * the testkit's {@code VirtualClock}:
   *
   * <pre>{@code
   * VirtualClock clock = new VirtualClock();
   * Socket s = IO.socket(url, ClientOptions.builder().scheduler(clock).build());
   * clock.advance(Duration.ofSeconds(1)); // the first reconnection attempt is due
   * }</pre>
   */
  public Scheduler scheduler() {
    return state.scheduler;
  }

  /**
   * Creates each Manager's HTTP and WebSocket connector (default {@link TransportFactory#jdk()}, on
   * {@code java.net.http}); see {@link io.sio4j.client.transport.HttpConnector}.
   */
  public TransportFactory transportFactory() {
    return state.transportFactory;
  }

  /**
   * Whether the path gets a trailing slash (default true): {@code /socket.io} and {@code
   * /socket.io/} both become {@code /socket.io/}, or {@code /socket.io} when false, as in the JS
   * client.
   */
  public boolean addTrailingSlash() {
    return state.addTrailingSlash;
  }

  /**
   * Whether a transport that fails before the handshake hands over to the next one in {@link
   * #transports()} instead of failing the attempt (default false), e.g. WebSocket when a proxy
   * breaks long-polling.
   */
  public boolean tryAllTransports() {
    return state.tryAllTransports;
  }

  /**
   * Query parameters and headers for one transport ({@code "polling"} or {@code "websocket"}),
   * added to {@link #query()} and {@link #extraHeaders()} (same names replaced); the JS client's
   * {@code transportOptions}.
   */
  public Map<String, TransportOptions> transportOptions() {
    return state.transportOptions;
  }

  /** The WebSocket subprotocols offered ({@code Sec-WebSocket-Protocol}); empty by default. */
  public List<String> protocols() {
    return state.protocols;
  }

  /**
   * How long one HTTP long-polling request may take before it fails with an {@code xhr poll error}
   * or {@code xhr post error}; {@code null} (default) means no limit, as in the JS client. A GET
   * waits up to the server's pingInterval for data, so keep it above that.
   */
  public Duration requestTimeout() {
    return state.requestTimeout;
  }

  /**
   * Whether to speak Engine.IO v3 and Socket.IO protocol v4, the protocols of Socket.IO 2.x servers
   * (Node {@code socket.io} 2.x, netty-socketio 1.x); off by default (Engine.IO v4, Socket.IO v5).
   * Beyond the JavaScript client, which needs its 2.x version for that. In this mode the client
   * pings and the server pongs, the main namespace is joined by the server on its own, the {@code
   * auth} object goes in the namespace's query ({@code /admin?token=...}: string values), a refusal
   * is the server's ERROR packet (a {@code connect_error} here) and there is no connection state
   * recovery. Polling asks for text payloads ({@code b64=1}).
   */
  public boolean eio3() {
    return state.eio3;
  }

  /**
   * The query parameters and headers of one transport ({@link ClientOptions#transportOptions()}).
   *
   * @param query query parameters added to the transport's requests
   * @param extraHeaders headers added to the transport's requests
   */
  public record TransportOptions(
      Map<String, String> query, Map<String, List<String>> extraHeaders) {
    static final TransportOptions NONE = new TransportOptions(Map.of(), Map.of());
  }

  /** Builds {@link ClientOptions}; not thread-safe. */
  public static final class Builder {
    /** See {@link ClientOptions#maxQueuedIncomingMessages()}. */
    public static final int DEFAULT_MAX_QUEUED_INCOMING_MESSAGES =
        ClientOptionValues.DEFAULT_MAX_QUEUED_INCOMING_MESSAGES;

    private final ClientOptionValues state;

    private Builder() {
      this(new ClientOptionValues());
    }

    private Builder(ClientOptionValues editable) {
      state = editable;
    }

    /** See {@link ClientOptions#forceNew()}. */
    public Builder forceNew(boolean v) {
      state.forceNew = v;
      return this;
    }

    /** See {@link ClientOptions#multiplex()}. */
    public Builder multiplex(boolean v) {
      state.multiplex = v;
      return this;
    }

    /** See {@link ClientOptions#autoConnect()}. */
    public Builder autoConnect(boolean v) {
      state.autoConnect = v;
      return this;
    }

    /** See {@link ClientOptions#path()}. */
    public Builder path(String v) {
      state.path = Objects.requireNonNull(v, "path");
      return this;
    }

    /** Adds a query parameter. */
    public Builder query(String key, String value) {
      state.query.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds query parameters. */
    public Builder query(Map<String, String> values) {
      values.forEach(this::query);
      return this;
    }

    /** Adds a header value. */
    public Builder extraHeader(String name, String value) {
      Objects.requireNonNull(value, "value");
      state
          .extraHeaders
          .computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .add(value);
      return this;
    }

    /** Adds headers. */
    public Builder extraHeaders(Map<String, String> values) {
      values.forEach(this::extraHeader);
      return this;
    }

    /** See {@link ClientOptions#transports()}: {@code "polling"} and/or {@code "websocket"}. */
    public Builder transports(String... names) {
      state.transports = List.of(names);
      return this;
    }

    /** See {@link ClientOptions#upgrade()}. */
    public Builder upgrade(boolean v) {
      state.upgrade = v;
      return this;
    }

    /** See {@link ClientOptions#rememberUpgrade()}. */
    public Builder rememberUpgrade(boolean v) {
      state.rememberUpgrade = v;
      return this;
    }

    /** See {@link ClientOptions#timestampRequests()}. */
    public Builder timestampRequests(Boolean v) {
      state.timestampRequests = v;
      return this;
    }

    /** See {@link ClientOptions#timestampParam()}. */
    public Builder timestampParam(String v) {
      state.timestampParam = Objects.requireNonNull(v, "timestampParam");
      return this;
    }

    /** See {@link ClientOptions#reconnection()}. */
    public Builder reconnection(boolean v) {
      state.reconnection = v;
      return this;
    }

    /** See {@link ClientOptions#reconnectionAttempts()}. */
    public Builder reconnectionAttempts(int v) {
      state.reconnectionAttempts = v;
      return this;
    }

    /** See {@link ClientOptions#reconnectionDelay()}. */
    public Builder reconnectionDelay(Duration v) {
      state.reconnectionDelay = Objects.requireNonNull(v, "reconnectionDelay");
      return this;
    }

    /** See {@link ClientOptions#reconnectionDelayMax()}. */
    public Builder reconnectionDelayMax(Duration v) {
      state.reconnectionDelayMax = Objects.requireNonNull(v, "reconnectionDelayMax");
      return this;
    }

    /** See {@link ClientOptions#randomizationFactor()}. */
    public Builder randomizationFactor(double v) {
      state.randomizationFactor = v;
      return this;
    }

    /** See {@link ClientOptions#timeout()}. */
    public Builder timeout(Duration v) {
      state.timeout = Objects.requireNonNull(v, "timeout");
      return this;
    }

    /**
     * A fixed authentication payload: a {@code Map}, a record or any Jackson-serialisable object
     * that serialises to a JSON object.
     */
    public Builder auth(Object payload) {
      Objects.requireNonNull(payload, "auth");
      state.auth = () -> payload;
      return this;
    }

    /** An authentication payload computed on every (re)connection (e.g. a fresh token). */
    public Builder auth(Supplier<?> supplier) {
      state.auth = Objects.requireNonNull(supplier, "auth");
      return this;
    }

    /** See {@link ClientOptions#ackTimeout()}. */
    public Builder ackTimeout(Duration v) {
      state.ackTimeout = v;
      return this;
    }

    /** See {@link ClientOptions#retries()}. */
    public Builder retries(int v) {
      state.retries = v;
      return this;
    }

    /** See {@link ClientOptions#sslContext()}. */
    public Builder sslContext(SSLContext v) {
      state.sslContext = v;
      return this;
    }

    /** See {@link ClientOptions#proxy()}. */
    public Builder proxy(ProxySelector v) {
      state.proxy = v;
      return this;
    }

    /** See {@link ClientOptions#cookieHandler()}. */
    public Builder cookieHandler(CookieHandler v) {
      state.cookieHandler = v;
      return this;
    }

    /** See {@link ClientOptions#listenerExecutor()}. */
    public Builder listenerExecutor(Executor v) {
      state.listenerExecutor = v;
      return this;
    }

    /** See {@link ClientOptions#maxIncomingBytes()}. */
    public Builder maxIncomingBytes(int v) {
      state.maxIncomingBytes = v;
      return this;
    }

    /** See {@link ClientOptions#maxQueuedIncomingMessages()}; at least 1. */
    public Builder maxQueuedIncomingMessages(int v) {
      state.maxQueuedIncomingMessages = v;
      return this;
    }

    /** See {@link ClientOptions#parser()}. */
    public Builder parser(SocketIoParser v) {
      state.parser = Objects.requireNonNull(v, "parser");
      return this;
    }

    /** See {@link ClientOptions#scheduler()}; {@code null} restores the default. */
    public Builder scheduler(Scheduler v) {
      state.scheduler = v;
      return this;
    }

    /** See {@link ClientOptions#transportFactory()}. */
    public Builder transportFactory(TransportFactory v) {
      state.transportFactory = Objects.requireNonNull(v, "transportFactory");
      return this;
    }

    /** See {@link ClientOptions#addTrailingSlash()}. */
    public Builder addTrailingSlash(boolean v) {
      state.addTrailingSlash = v;
      return this;
    }

    /** See {@link ClientOptions#tryAllTransports()}. */
    public Builder tryAllTransports(boolean v) {
      state.tryAllTransports = v;
      return this;
    }

    /** Adds a query parameter to one transport's requests; see {@link #transportOptions()}. */
    public Builder transportQuery(String transport, String key, String value) {
      state
          .transportQuery
          .computeIfAbsent(ClientOptionValues.knownTransport(transport), k -> new LinkedHashMap<>())
          .put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a header value to one transport's requests; see {@link #transportOptions()}. */
    public Builder transportHeader(String transport, String name, String value) {
      Objects.requireNonNull(value, "value");
      state
          .transportHeaders
          .computeIfAbsent(ClientOptionValues.knownTransport(transport), k -> new LinkedHashMap<>())
          .computeIfAbsent(Objects.requireNonNull(name, "name"), k -> new ArrayList<>())
          .add(value);
      return this;
    }

    /** See {@link ClientOptions#protocols()}. */
    public Builder protocols(String... names) {
      for (String n : names) {
        if (n == null || n.isEmpty()) throw new IllegalArgumentException("empty protocol name");
      }
      state.protocols = List.of(names);
      return this;
    }

    /** See {@link ClientOptions#eio3()}. */
    public Builder eio3(boolean v) {
      state.eio3 = v;
      return this;
    }

    /** See {@link ClientOptions#requestTimeout()}; {@code null} for none. */
    public Builder requestTimeout(Duration v) {
      state.requestTimeout = v;
      return this;
    }

    /** Validates and builds. */
    public ClientOptions build() {
      state.validate();
      return new ClientOptions(state.frozen());
    }
  }
}
