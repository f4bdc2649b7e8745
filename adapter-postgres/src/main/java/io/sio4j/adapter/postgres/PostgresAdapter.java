package io.sio4j.adapter.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.server.Namespace;
import io.sio4j.server.RemoteSocket;
import io.sio4j.server.adapter.AdapterFactory;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.ClusterAdapterWithHeartbeat;
import io.sio4j.server.adapter.ClusterMessageType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * A cluster adapter over PostgreSQL {@code LISTEN}/{@code NOTIFY}, wire-compatible with npm {@code
 * @socket.io/postgres-adapter} 0.5: Java and Node servers that use the same database and channel
 * prefix form one cluster. Each namespace has the channel {@code <prefix>#<nsp>}; messages are
 * JSON, and those with binary or of {@code payloadThreshold} bytes or more go MessagePack-encoded
 * through the attachment table, whose old rows each node deletes every {@code cleanupInterval}.
 * Nodes find each other by heartbeats ({@code serverCount} is one plus the nodes heard from).
 *
 * <pre>{@code
 * PGSimpleDataSource db = new PGSimpleDataSource();
 * db.setURL("jdbc:postgresql://127.0.0.1:5432/test");
 * db.setUser("postgres");
 * PostgresAdapter.createTable(db, "socket_io_attachments"); // once, as the official README does
 * SocketIoServer io = SocketIoServer.builder()
 *     .adapter(PostgresAdapter.factory(db, PostgresAdapterOptions.DEFAULTS))
 *     .build();
 * }</pre>
 *
 * <p>The adapter holds two connections of the data source while the server runs (one listening,
 * one publishing) and gives them back when the last namespace closes; the application owns the
 * data source. When PostgreSQL goes away the node keeps serving its own clients, logs it once,
 * fails {@code fetchSockets} and {@code serverSideEmitWithAck} at once with {@link
 * PostgresUnavailableException}, and reconnects by itself. Messages from the database are
 * untrusted: bad ones are dropped and logged at debug.
 *
 * <p>Thread-safe; messages are handled on the thread {@code sio4j-postgres-listener}.
 */
public final class PostgresAdapter extends ClusterAdapterWithHeartbeat {
  private final PostgresPubSub pubsub;
  private final String channel;
  private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();

  private PostgresAdapter(Namespace nsp, PostgresPubSub pubsub, PostgresAdapterOptions options) {
    super(nsp, options.requestsTimeout(), options.heartbeatInterval(), options.heartbeatTimeout());
    this.pubsub = pubsub;
    this.channel = PostgresWire.channel(options.channelPrefix(), nsp.name());
  }

  /** One adapter per namespace over the database of {@code dataSource}. */
  public static AdapterFactory factory(DataSource dataSource, PostgresAdapterOptions options) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(options, "options");
    PostgresPubSub pubsub = new PostgresPubSub(dataSource, options);
    return nsp -> new PostgresAdapter(nsp, pubsub, options);
  }

  /** One adapter per namespace with the official defaults. */
  public static AdapterFactory factory(DataSource dataSource) {
    return factory(dataSource, PostgresAdapterOptions.DEFAULTS);
  }

  /**
   * Creates the attachment table if it does not exist, as the official README does: {@code id
   * bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea}.
   *
   * @throws IllegalArgumentException when {@code tableName} is not a plain SQL identifier
   * @throws SQLException when PostgreSQL refuses
   */
  public static void createTable(DataSource dataSource, String tableName) throws SQLException {
    String table = PostgresAdapterOptions.builder().tableName(tableName).build().tableName();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      try {
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + table
                + " (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)");
      } catch (SQLException raced) {
        // two nodes creating it at once: one of them gets a unique violation on the type
        try (var rs = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
          if (!rs.next() || !rs.getBoolean(1)) throw raced;
        }
      }
    }
  }

  @Override
  public void init() {
    subscribed = pubsub.add(this);
    super.init();
    // announce again once listening, so that the other nodes' answers are not missed
    subscribed.thenRun(this::onStoreBack);
  }

  /** Completes once this node receives the cluster's messages. */
  public CompletableFuture<Void> subscribed() {
    return subscribed.copy();
  }

  /**
   * Whether PostgreSQL answers (false from the moment the listening connection breaks until it is
   * back); for health checks.
   */
  public boolean storeReachable() {
    return !pubsub.isDown();
  }

  /** The notification channel of this namespace, {@code <prefix>#<nsp>}. */
  public String channel() {
    return channel;
  }

  @Override
  public CompletableFuture<Void> close() {
    CompletableFuture<Void> closed = super.close(); // queues the goodbye
    pubsub.remove(this); // the last namespace sends it and stops the threads
    return closed;
  }

  @Override
  protected CompletableFuture<String> doPublish(ObjectNode message) {
    return pubsub.publish(message).thenApply(v -> null); // no connection state recovery
  }

  @Override
  protected CompletableFuture<Void> doPublishResponse(String requesterUid, ObjectNode response) {
    return pubsub.publish(response);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
    if (!opts.flags().local() && pubsub.isDown()) {
      return CompletableFuture.failedFuture(unreachable("fetchSockets"));
    }
    return super.fetchSockets(opts);
  }

  @Override
  public void serverSideEmit(
      String event, Object[] args, BiConsumer<Throwable, List<ArrayNode>> ack) {
    if (ack != null && pubsub.isDown()) {
      ack.accept(unreachable("serverSideEmitWithAck"), List.of());
      return;
    }
    super.serverSideEmit(event, args, ack);
  }

  private static PostgresUnavailableException unreachable(String what) {
    return new PostgresUnavailableException(
        "PostgreSQL is unreachable: " + what + " cannot reach the other nodes");
  }

  /** A message of another node, from the listener thread. */
  void receive(JsonNode message) {
    onMessage(message, null);
  }

  /** The store is (back) reachable: say hello, the other nodes answer with heartbeats. */
  void onStoreBack() {
    publish(ClusterMessageType.INITIAL_HEARTBEAT, null);
  }
}
