package io.sio4j.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.sio4j.server.Namespace;
import io.sio4j.server.ServerInstrumentation;
import io.sio4j.server.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@link ServerInstrumentation} behind {@link SocketIoMetrics}: one registry, meters created on
 * first use and cached by tag value, so that a packet costs map lookups and an increment, no
 * allocation.
 *
 * <p>Threading: thread-safe (concurrent maps; Micrometer meters are thread-safe).
 */
final class MicrometerInstrumentation implements ServerInstrumentation {
  private final MeterRegistry registry;
  private final Tags common;
  private final Map<String, Namespace> watched = new ConcurrentHashMap<>();
  private final Map<String, Counter> connections = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Counter>> disconnections = new ConcurrentHashMap<>();
  private final Map<Integer, Counter> refused = new ConcurrentHashMap<>();
  private final Map<String, Counter> packetsIn = new ConcurrentHashMap<>();
  private final Map<String, Counter> packetsOut = new ConcurrentHashMap<>();
  private final Map<String, Counter> bytesIn = new ConcurrentHashMap<>();
  private final Map<String, Counter> bytesOut = new ConcurrentHashMap<>();
  private final Map<String, Counter> broadcasts = new ConcurrentHashMap<>();
  private final Map<String, DistributionSummary> recipients = new ConcurrentHashMap<>();
  private final Map<String, Timer> acks = new ConcurrentHashMap<>();
  private final Map<String, Counter> ackTimeouts = new ConcurrentHashMap<>();
  private final Map<String, Counter> upgrades = new ConcurrentHashMap<>();
  private final Counter volatileDropped;
  private final Counter bufferFull;

  MicrometerInstrumentation(MeterRegistry registry, Tags common) {
    this.registry = registry;
    this.common = common;
    this.volatileDropped =
        Counter.builder("socketio.volatile.dropped")
            .description("Volatile packets dropped because the transport was not ready")
            .tags(common)
            .register(registry);
    this.bufferFull =
        Counter.builder("socketio.sessions.buffer.full")
            .description("Sessions closed because their outbound buffer was full")
            .tags(common)
            .register(registry);
  }

  /** Registers the connected-sockets gauge of a namespace (once). */
  void watch(Namespace nsp) {
    if (watched.putIfAbsent(nsp.name(), nsp) != null) return;
    // the map keeps the namespace reachable: Micrometer's gauges hold their object weakly
    Gauge.builder("socketio.sockets.connected", nsp, n -> n.sockets().size())
        .description("Sockets connected to the namespace")
        .tags(common)
        .tag("namespace", nsp.name())
        .register(registry);
  }

  @Override
  public void socketConnected(Socket socket) {
    Namespace nsp = socket.nsp();
    if (!watched.containsKey(nsp.name())) watch(nsp);
    counter(connections, nsp.name(), this::newConnections).increment();
  }

  @Override
  public void socketDisconnected(Socket socket, String reason) {
    String nsp = socket.nsp().name();
    Map<String, Counter> byReason = disconnections.get(nsp);
    if (byReason == null)
      byReason = disconnections.computeIfAbsent(nsp, n -> new ConcurrentHashMap<>());
    Counter c = byReason.get(reason);
    if (c == null) {
      c =
          byReason.computeIfAbsent(
              reason,
              r ->
                  Counter.builder("socketio.disconnections")
                      .description("Sockets that left a namespace, by disconnect reason")
                      .tags(common)
                      .tags("namespace", nsp, "reason", r)
                      .register(registry));
    }
    c.increment();
  }

  @Override
  public void requestRefused(int code) {
    Counter c = refused.get(code);
    if (c == null) {
      c =
          refused.computeIfAbsent(
              code,
              k ->
                  Counter.builder("socketio.handshakes.refused")
                      .description("Engine.IO requests refused, by error code")
                      .tags(common)
                      .tag("code", Integer.toString(k))
                      .register(registry));
    }
    c.increment();
  }

  @Override
  public void packetReceived(String transport, int bytes) {
    counter(packetsIn, transport, t -> transportCounter("socketio.packets.in", t, null, "in"))
        .increment();
    counter(bytesIn, transport, t -> transportCounter("socketio.bytes.in", t, "bytes", "in"))
        .increment(bytes);
  }

  @Override
  public void packetsSent(String transport, int packets, long bytes) {
    counter(packetsOut, transport, t -> transportCounter("socketio.packets.out", t, null, "out"))
        .increment(packets);
    counter(bytesOut, transport, t -> transportCounter("socketio.bytes.out", t, "bytes", "out"))
        .increment(bytes);
  }

  @Override
  public void upgraded(String from, String to) {
    counter(
            upgrades,
            to,
            t ->
                Counter.builder("socketio.upgrades")
                    .description("Sessions upgraded to another transport")
                    .tags(common)
                    .tag("transport", t)
                    .register(registry))
        .increment();
  }

  @Override
  public void volatileDropped() {
    volatileDropped.increment();
  }

  @Override
  public void bufferOverflow() {
    bufferFull.increment();
  }

  @Override
  public void broadcast(String namespace, int count) {
    counter(
            broadcasts,
            namespace,
            n ->
                Counter.builder("socketio.broadcasts")
                    .description("Packets broadcast through the adapter")
                    .tags(common)
                    .tag("namespace", n)
                    .register(registry))
        .increment();
    DistributionSummary s = recipients.get(namespace);
    if (s == null) {
      s =
          recipients.computeIfAbsent(
              namespace,
              n ->
                  DistributionSummary.builder("socketio.broadcast.recipients")
                      .description("Local sockets each broadcast was written to (fan-out)")
                      .tags(common)
                      .tag("namespace", n)
                      .register(registry));
    }
    s.record(count);
  }

  @Override
  public void ackReceived(String namespace, long nanos) {
    Timer t = acks.get(namespace);
    if (t == null) {
      t =
          acks.computeIfAbsent(
              namespace,
              n ->
                  Timer.builder("socketio.ack.roundtrip")
                      .description("Time from an event that asks for an ack to the client's answer")
                      .tags(common)
                      .tag("namespace", n)
                      .register(registry));
    }
    t.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void ackTimedOut(String namespace) {
    counter(
            ackTimeouts,
            namespace,
            n ->
                Counter.builder("socketio.ack.timeouts")
                    .description("Acknowledgements not answered within their timeout")
                    .tags(common)
                    .tag("namespace", n)
                    .register(registry))
        .increment();
  }

  private Counter newConnections(String namespace) {
    return Counter.builder("socketio.connections")
        .description("Sockets that joined a namespace")
        .tags(common)
        .tag("namespace", namespace)
        .register(registry);
  }

  private Counter transportCounter(String name, String transport, String unit, String direction) {
    return Counter.builder(name)
        .description(
            (unit == null ? "Engine.IO packets " : "Engine.IO packet bytes ")
                + (direction.equals("in") ? "received" : "sent")
                + ", by transport")
        .baseUnit(unit)
        .tags(common)
        .tag("transport", transport)
        .register(registry);
  }

  /** The cached counter for {@code key}; the lambda only runs (and allocates) on a miss. */
  private static Counter counter(
      Map<String, Counter> cache, String key, Function<String, Counter> create) {
    Counter c = cache.get(key);
    return c != null ? c : cache.computeIfAbsent(key, create);
  }
}
