package io.sio4j.engine.internal;

import io.netty.channel.EventLoop;
import io.sio4j.engine.EngineOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The open sessions by id. Thread-safe. */
final class SessionRegistry {
  private static final long CLOSED_POLL_GRACE_MILLIS = 2_000;

  private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Boolean> closedByClient = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<EventLoop, HeartbeatQueue> heartbeats = new ConcurrentHashMap<>();

  /**
   * The heartbeat queue and scheduler of {@code loop} for this registry's sessions (one server's,
   * so one pingInterval and pingTimeout); the options' scheduler times it when not null (tests).
   */
  HeartbeatQueue heartbeats(EventLoop loop, EngineOptions options) {
    HeartbeatQueue q = heartbeats.get(loop);
    if (q != null) return q;
    return heartbeats.computeIfAbsent(loop, l -> new HeartbeatQueue(this, options, l));
  }

  /** Adds a session; false if the id is taken (never in practice: ids are 160 random bits). */
  boolean add(EngineSession session) {
    return sessions.putIfAbsent(session.id(), session) == null;
  }

  EngineSession get(String id) {
    return id == null ? null : sessions.get(id);
  }

  void remove(EngineSession session) {
    sessions.remove(session.id(), session);
  }

  /**
   * Remembers, for a short while, a polling session the client closed while no poll was waiting:
   * its in-flight poll (sent before the close, arriving after it on another connection) is then
   * answered with NOOP rather than an error, once.
   */
  void rememberClientClose(EngineSession session) {
    String id = session.id();
    closedByClient.put(id, Boolean.TRUE);
    session
        .loop()
        .schedule(() -> closedByClient.remove(id), CLOSED_POLL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Whether this sid was just closed by its client; true at most once per sid. */
  boolean takeClientClose(String id) {
    return id != null && closedByClient.remove(id) != null;
  }

  int size() {
    return sessions.size();
  }

  List<EngineSession> snapshot() {
    return new ArrayList<>(sessions.values());
  }
}
