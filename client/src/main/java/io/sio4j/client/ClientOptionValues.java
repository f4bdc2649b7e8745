package io.sio4j.client;

import io.sio4j.client.ClientOptions.TransportOptions;
import io.sio4j.client.transport.TransportFactory;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.protocol.time.Scheduler;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The values behind {@link ClientOptions} and its {@link ClientOptions.Builder}: their defaults
 * (the JavaScript client's), the checks {@link ClientOptions.Builder#build()} makes, and the copies
 * between the builder's editable state and the options' frozen one. A frozen instance (from {@link
 * #frozen()}) is never changed again and holds unmodifiable collections.
 */
final class ClientOptionValues {
  static final int DEFAULT_MAX_QUEUED_INCOMING_MESSAGES = 1024;

  boolean forceNew;
  boolean multiplex = true;
  boolean autoConnect = true;
  String path = "/socket.io/";
  Map<String, String> query = new LinkedHashMap<>();
  Map<String, List<String>> extraHeaders = new LinkedHashMap<>();
  List<String> transports = List.of("polling", "websocket");
  boolean upgrade = true;
  boolean rememberUpgrade;
  Boolean timestampRequests;
  String timestampParam = "t";
  boolean reconnection = true;
  int reconnectionAttempts = Integer.MAX_VALUE;
  Duration reconnectionDelay = Duration.ofSeconds(1);
  Duration reconnectionDelayMax = Duration.ofSeconds(5);
  double randomizationFactor = 0.5;
  Duration timeout = Duration.ofSeconds(20);
  Supplier<?> auth;
  Duration ackTimeout;
  int retries;
  SSLContext sslContext;
  ProxySelector proxy;
  CookieHandler cookieHandler;
  Executor listenerExecutor;
  int maxIncomingBytes = 64 << 20;
  int maxQueuedIncomingMessages = DEFAULT_MAX_QUEUED_INCOMING_MESSAGES;
  SocketIoParser parser; // null: a new JSON parser, with its own mapper, per Manager
  Scheduler scheduler;
  TransportFactory transportFactory = TransportFactory.jdk();
  // issue 13: the rest of the JS client's Engine.IO options
  boolean addTrailingSlash = true;
  boolean tryAllTransports;

  /** Per-transport query and headers as the builder collects them (editable state only). */
  Map<String, Map<String, String>> transportQuery = new LinkedHashMap<>();

  Map<String, Map<String, List<String>>> transportHeaders = new LinkedHashMap<>();

  /** Per-transport options as the built options expose them (frozen state only). */
  Map<String, TransportOptions> transportOptions = Map.of();

  List<String> protocols = List.of();
  Duration requestTimeout;
  boolean eio3;

  /** Editable values holding the defaults. */
  ClientOptionValues() {}

  private ClientOptionValues(ClientOptionValues o) {
    forceNew = o.forceNew;
    multiplex = o.multiplex;
    autoConnect = o.autoConnect;
    path = o.path;
    transports = o.transports;
    upgrade = o.upgrade;
    rememberUpgrade = o.rememberUpgrade;
    timestampRequests = o.timestampRequests;
    timestampParam = o.timestampParam;
    reconnection = o.reconnection;
    reconnectionAttempts = o.reconnectionAttempts;
    reconnectionDelay = o.reconnectionDelay;
    reconnectionDelayMax = o.reconnectionDelayMax;
    randomizationFactor = o.randomizationFactor;
    timeout = o.timeout;
    auth = o.auth;
    ackTimeout = o.ackTimeout;
    retries = o.retries;
    sslContext = o.sslContext;
    proxy = o.proxy;
    cookieHandler = o.cookieHandler;
    listenerExecutor = o.listenerExecutor;
    maxIncomingBytes = o.maxIncomingBytes;
    maxQueuedIncomingMessages = o.maxQueuedIncomingMessages;
    parser = o.parser;
    scheduler = o.scheduler;
    transportFactory = o.transportFactory;
    addTrailingSlash = o.addTrailingSlash;
    tryAllTransports = o.tryAllTransports;
    protocols = o.protocols;
    requestTimeout = o.requestTimeout;
    eio3 = o.eio3;
  }

  /** An unchanging copy of these (editable) values, for {@link ClientOptions}. */
  ClientOptionValues frozen() {
    ClientOptionValues f = new ClientOptionValues(this);
    f.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    f.extraHeaders = unmodifiableHeaders(extraHeaders);
    f.transports = List.copyOf(transports);
    f.protocols = List.copyOf(protocols);
    Map<String, TransportOptions> perTransport = new LinkedHashMap<>();
    transportQuery.forEach((t, q) -> perTransport.put(t, transportOptions(q, Map.of())));
    transportHeaders.forEach(
        (t, h) ->
            perTransport.put(
                t,
                transportOptions(perTransport.getOrDefault(t, TransportOptions.NONE).query(), h)));
    f.transportQuery = Map.of();
    f.transportHeaders = Map.of();
    f.transportOptions = Collections.unmodifiableMap(perTransport);
    return f;
  }

  /** Editable values holding these (frozen) ones, for {@link ClientOptions#toBuilder()}. */
  ClientOptionValues editable() {
    ClientOptionValues e = new ClientOptionValues(this);
    e.query = new LinkedHashMap<>(query);
    e.extraHeaders = editableHeaders(extraHeaders);
    e.transportQuery = new LinkedHashMap<>();
    e.transportHeaders = new LinkedHashMap<>();
    transportOptions.forEach(
        (t, to) -> {
          if (!to.query().isEmpty()) e.transportQuery.put(t, new LinkedHashMap<>(to.query()));
          if (!to.extraHeaders().isEmpty()) {
            e.transportHeaders.put(t, editableHeaders(to.extraHeaders()));
          }
        });
    return e;
  }

  /** The checks of {@link ClientOptions.Builder#build()}. */
  void validate() {
    if (transports.isEmpty()) throw new IllegalArgumentException("transports is empty");
    for (String t : transports) knownTransport(t);
    if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with /");
    if (reconnectionAttempts < 0) throw new IllegalArgumentException("reconnectionAttempts < 0");
    requirePositive(reconnectionDelay, "reconnectionDelay");
    requirePositive(reconnectionDelayMax, "reconnectionDelayMax");
    requirePositive(timeout, "timeout");
    if (ackTimeout != null) requirePositive(ackTimeout, "ackTimeout");
    if (requestTimeout != null) requirePositive(requestTimeout, "requestTimeout");
    if (randomizationFactor < 0 || randomizationFactor > 1) {
      throw new IllegalArgumentException("randomizationFactor must be within 0..1");
    }
    if (retries < 0) throw new IllegalArgumentException("retries < 0");
    if (maxIncomingBytes < 1024) throw new IllegalArgumentException("maxIncomingBytes < 1024");
    if (maxQueuedIncomingMessages < 1) {
      throw new IllegalArgumentException("maxQueuedIncomingMessages < 1");
    }
  }

  /** {@code t} when it names a transport the client has, else an IllegalArgumentException. */
  static String knownTransport(String t) {
    if (!"polling".equals(t) && !"websocket".equals(t)) {
      throw new IllegalArgumentException("unknown transport: " + t);
    }
    return t;
  }

  private static void requirePositive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be > 0");
  }

  private static TransportOptions transportOptions(
      Map<String, String> query, Map<String, List<String>> headers) {
    return new TransportOptions(
        Collections.unmodifiableMap(new LinkedHashMap<>(query)), unmodifiableHeaders(headers));
  }

  private static Map<String, List<String>> unmodifiableHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(h);
  }

  private static Map<String, List<String>> editableHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, new ArrayList<>(v)));
    return h;
  }
}
