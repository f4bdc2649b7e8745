package io.sio4j.adapter.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sio4j.protocol.ProtocolException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of the Postgres adapters of one factory, shared by its namespaces as the official
 * {@code PubSubClient} is: one dedicated listening connection read by one thread ({@code
 * sio4j-postgres-listener}, blocking in {@code PGConnection.getNotifications(timeout)}), and one
 * publishing connection used by one thread ({@code sio4j-postgres-publisher}, which also runs the
 * attachment cleanup), so that no Netty event loop ever waits on the database.
 *
 * <p>When the listening connection breaks, the store counts as down: that is logged once at warn,
 * publishing fails at once (no queue builds up), the listener reconnects every second or so, and
 * the return is logged once at info; then each namespace announces itself again so that the nodes
 * find each other at once. The threads start with the first namespace and stop with the last.
 *
 * <p>Thread-safe.
 */
final class PostgresPubSub {
  private static final Logger LOG = LoggerFactory.getLogger("io.sio4j.adapter.postgres");
  private static final int MAX_QUEUED = 10_000;
  private static final long POLL_MILLIS = 250;
  private static final long RECONNECT_MILLIS = 1000;
  private static final int QUERY_TIMEOUT_SECONDS = 5;

  private final DataSource dataSource;
  private final PostgresAdapterOptions options;
  private final Map<String, PostgresAdapter> byChannel = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> listening = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Object lock = new Object();
  private volatile boolean down;
  private Running running; // guarded by lock

  PostgresPubSub(DataSource dataSource, PostgresAdapterOptions options) {
    this.dataSource = dataSource;
    this.options = options;
  }

  /** The threads and connections of one run (from the first namespace to the last). */
  private final class Running {
    final ScheduledExecutorService publisher;
    final Thread listener;
    volatile boolean stopped;
    Connection publishing; // publisher thread only

    Running() {
      ScheduledThreadPoolExecutor exec =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "sio4j-postgres-publisher");
                t.setDaemon(true);
                return t;
              });
      exec.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      this.publisher = exec;
      long cleanup = options.cleanupInterval().toMillis();
      publisher.scheduleWithFixedDelay(this::cleanup, cleanup, cleanup, TimeUnit.MILLISECONDS);
      this.listener = new Thread(this::listen, "sio4j-postgres-listener");
      listener.setDaemon(true);
      listener.start();
    }

    // ---- publishing (publisher thread) ----

    void publish(ObjectNode message) throws SQLException {
      String channel = PostgresWire.channel(options.channelPrefix(), message.path("nsp").asText());
      String inline = PostgresWire.inlinePayload(message, options.payloadThreshold());
      try {
        send(publishing(), channel, inline, message);
      } catch (SQLException first) {
        closeQuietly(publishing);
        publishing = null;
        if (down || stopped) throw first;
        send(publishing(), channel, inline, message); // a connection broken by an earlier outage
      }
    }

    private Connection publishing() throws SQLException {
      if (publishing == null) publishing = dataSource.getConnection();
      return publishing;
    }

    private void send(Connection c, String channel, String inline, ObjectNode message)
        throws SQLException {
      String payload = inline;
      if (payload == null) {
        long id;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO " + options.tableName() + " (payload) VALUES (?) RETURNING id")) {
          ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
          ps.setBytes(1, PostgresWire.attachment(message));
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new SQLException("INSERT returned no id");
            id = rs.getLong(1);
          }
        }
        payload = PostgresWire.header(message, id);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
        ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        ps.setString(1, channel);
        ps.setString(2, payload);
        ps.executeQuery().close();
      }
    }

    void cleanup() {
      if (down || stopped) return;
      try (PreparedStatement ps =
          publishing()
              .prepareStatement(
                  "DELETE FROM "
                      + options.tableName()
                      + " WHERE created_at < now() - ? * interval '1 millisecond'")) {
        ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        ps.setLong(1, options.cleanupInterval().toMillis());
        int removed = ps.executeUpdate();
        LOG.debug("removed {} old attachments", removed);
      } catch (SQLException | RuntimeException e) {
        closeQuietly(publishing);
        publishing = null;
        LOG.debug("cannot remove old attachments: {}", e.toString());
      }
    }

    // ---- listening (listener thread) ----

    void listen() {
      Connection conn = null;
      Set<String> listened = new HashSet<>();
      long lastActivity = System.nanoTime();
      while (!stopped) {
        try {
          if (conn == null) {
            conn = dataSource.getConnection();
            conn.setAutoCommit(true);
            listened.clear();
          }
          for (String channel : byChannel.keySet()) {
            if (listened.add(channel)) {
              try (Statement s = conn.createStatement()) {
                s.execute(PostgresWire.listen(channel));
              }
              CompletableFuture<Void> f = listening.get(channel);
              if (f != null) f.complete(null);
            }
          }
          if (down) {
            down = false;
            LOG.info("PostgreSQL is reachable again: cluster messages flow");
            byChannel.values().forEach(PostgresAdapter::onStoreBack);
          }
          PGNotification[] notes =
              conn.unwrap(PGConnection.class).getNotifications((int) POLL_MILLIS);
          if (notes != null && notes.length > 0) {
            lastActivity = System.nanoTime();
            for (PGNotification n : notes) handle(conn, n);
          } else if (System.nanoTime() - lastActivity > options.heartbeatInterval().toNanos()) {
            // a silent store may be a dead TCP peer: ask it something
            try (Statement s = conn.createStatement()) {
              s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
              s.execute("SELECT 1");
            }
            lastActivity = System.nanoTime();
          }
        } catch (SQLException | RuntimeException e) {
          closeQuietly(conn);
          conn = null;
          if (stopped) break;
          if (!down) {
            down = true;
            LOG.warn(
                "PostgreSQL is unreachable ({}): this node serves its own clients only, retrying",
                e.getMessage());
          } else {
            LOG.debug("PostgreSQL still unreachable: {}", e.toString());
          }
          pause(RECONNECT_MILLIS);
        }
      }
      closeQuietly(conn);
    }

    private void handle(Connection conn, PGNotification n) throws SQLException {
      PostgresAdapter adapter = byChannel.get(n.getName());
      if (adapter == null) return;
      JsonNode message;
      try {
        PostgresWire.Notification note = PostgresWire.decodeNotification(n.getParameter());
        if (adapter.uid().equals(note.uid())) return; // our own, back from the store
        message = note.hasAttachment() ? attachment(conn, note.attachmentId()) : note.message();
      } catch (IOException | ProtocolException | IllegalArgumentException e) {
        LOG.debug("dropped a malformed notification on {}: {}", n.getName(), e.toString());
        return;
      }
      if (message != null) adapter.receive(message);
    }

    private JsonNode attachment(Connection conn, long id)
        throws SQLException, IOException, ProtocolException {
      try (PreparedStatement ps =
          conn.prepareStatement(
              "SELECT payload, octet_length(payload) FROM "
                  + options.tableName()
                  + " WHERE id = ?")) {
        ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            LOG.debug("attachment {} is gone", id);
            return null;
          }
          if (rs.getLong(2) > options.maxAttachmentBytes()) {
            throw new IllegalArgumentException("attachment " + id + " is too large");
          }
          return PostgresWire.decodeAttachment(rs.getBytes(1), options.maxAttachmentBytes());
        }
      } catch (SQLException e) {
        if (conn.isClosed()) throw e; // the store went away: the loop reconnects
        LOG.debug("cannot read attachment {}: {}", id, e.toString());
        return null;
      }
    }

    private void pause(long millis) {
      synchronized (this) {
        if (stopped) return;
        try {
          wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopped = true;
        }
      }
    }

    void stop() {
      synchronized (this) {
        stopped = true;
        notifyAll();
      }
      publisher.shutdown(); // the queued messages (the goodbyes) still go out
      try {
        if (!publisher.awaitTermination(3, TimeUnit.SECONDS)) publisher.shutdownNow();
        listener.join(TimeUnit.SECONDS.toMillis(3));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      closeQuietly(publishing);
    }
  }

  /** Registers a namespace's adapter; completes once its channel is listened to. */
  CompletableFuture<Void> add(PostgresAdapter adapter) {
    CompletableFuture<Void> f =
        listening.computeIfAbsent(adapter.channel(), c -> new CompletableFuture<>());
    byChannel.put(adapter.channel(), adapter);
    synchronized (lock) {
      if (running == null) running = new Running();
    }
    return f.copy();
  }

  /** Unregisters a namespace's adapter; the last one stops the threads. */
  void remove(PostgresAdapter adapter) {
    byChannel.remove(adapter.channel(), adapter);
    Running r = null;
    synchronized (lock) {
      if (byChannel.isEmpty() && running != null) {
        r = running;
        running = null;
        listening.clear();
      }
    }
    if (r != null) r.stop();
  }

  /** Whether the listening connection is lost and not yet back. */
  boolean isDown() {
    return down;
  }

  /** Sends a message (or a response) to every node of the namespace, on the publisher thread. */
  CompletableFuture<Void> publish(ObjectNode message) {
    Running r;
    synchronized (lock) {
      r = running;
    }
    if (r == null) return CompletableFuture.failedFuture(new IllegalStateException("closed"));
    if (down) {
      return CompletableFuture.failedFuture(
          new PostgresUnavailableException("PostgreSQL is unreachable: the message was not sent"));
    }
    if (queued.incrementAndGet() > MAX_QUEUED) {
      queued.decrementAndGet();
      return CompletableFuture.failedFuture(
          new RejectedExecutionException("too many messages wait for PostgreSQL"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      r.publisher.execute(
          () -> {
            queued.decrementAndGet();
            try {
              r.publish(message);
              done.complete(null);
            } catch (SQLException | RuntimeException e) {
              done.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      queued.decrementAndGet();
      done.completeExceptionally(e);
    }
    return done;
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException | RuntimeException ignored) {
      // already broken
    }
  }
}
