package io.sio4j.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.sio4j.server.SocketIoServer;
import java.util.Objects;

/**
 * Binds a server's meters to a {@link MeterRegistry}: connected sockets, connections and
 * disconnections, refused handshakes, packets and bytes, broadcasts and their fan-out,
 * acknowledgement round trips and timeouts, upgrades, dropped volatile packets and sessions closed
 * for a full buffer. The README lists every meter; names follow Micrometer's conventions under
 * {@code socketio.}, so Prometheus shows {@code socketio_connections_total} and so on.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.builder().port(3000).build();
 * SocketIoMetrics.bind(io, registry);               // one line
 * new SocketIoMetrics(io, Tags.of("app", "chat")).bindTo(registry); // with common tags
 * }</pre>
 *
 * <p>Binding before {@link SocketIoServer#start()} counts everything; binding later counts from
 * then on (the gauge of connected sockets is always exact: it reads the namespaces). Binding the
 * same server to several registries is fine.
 *
 * <p>Threading: thread-safe.
 */
public final class SocketIoMetrics implements MeterBinder {
  private final SocketIoServer server;
  private final Tags tags;

  /** Meters for {@code server}, with no extra tags. */
  public SocketIoMetrics(SocketIoServer server) {
    this(server, Tags.empty());
  }

  /** Meters for {@code server}, each with {@code tags} as well. */
  public SocketIoMetrics(SocketIoServer server, Iterable<Tag> tags) {
    this.server = Objects.requireNonNull(server, "server");
    this.tags = Tags.of(tags);
  }

  /** Binds {@code server}'s meters to {@code registry}; returns the binder. */
  public static SocketIoMetrics bind(SocketIoServer server, MeterRegistry registry) {
    SocketIoMetrics metrics = new SocketIoMetrics(server);
    metrics.bindTo(registry);
    return metrics;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    MicrometerInstrumentation meters = new MicrometerInstrumentation(registry, tags);
    meters.watch(server.sockets());
    server.instrument(meters);
  }
}
