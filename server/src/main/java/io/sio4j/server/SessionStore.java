package io.sio4j.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sio4j.server.adapter.BroadcastOptions;
import io.sio4j.server.adapter.RestoredSession;
import io.sio4j.server.adapter.SessionToPersist;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The in-memory store behind connection state recovery: persisted sessions by pid and the recent
 * EVENT packets with their offsets, both dropped after {@code maxDisconnectionDuration}. Expired
 * entries are pruned as new ones arrive, so no timer is needed.
 *
 * <p>Thread-safe.
 */
final class SessionStore {
  private record StoredPacket(String offset, BroadcastOptions opts, ArrayNode data, long at) {}

  private record StoredSession(SessionToPersist session, long at) {}

  private final long maxAgeMillis;
  private final LongSupplier clock;
  private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
  private final ConcurrentLinkedDeque<StoredPacket> packets = new ConcurrentLinkedDeque<>();
  private final String offsetPrefix;
  private final AtomicLong offsetCounter = new AtomicLong();

  SessionStore(long maxAgeMillis, LongSupplier clock) {
    this.maxAgeMillis = maxAgeMillis;
    this.clock = clock;
    // A random prefix keeps offsets of a restarted server distinct from the previous run's.
    this.offsetPrefix = Long.toString(new SecureRandom().nextInt(Integer.MAX_VALUE), 36) + "-";
  }

  /** A new offset, unique within this store. */
  String nextOffset() {
    return offsetPrefix + Long.toString(offsetCounter.incrementAndGet(), 36);
  }

  void storePacket(String offset, BroadcastOptions opts, ArrayNode data) {
    long now = clock.getAsLong();
    packets.addLast(new StoredPacket(offset, opts, data, now));
    prunePackets(now);
  }

  void persist(SessionToPersist session) {
    long now = clock.getAsLong();
    sessions.put(session.pid(), new StoredSession(session, now));
    sessions.values().removeIf(s -> now - s.at() > maxAgeMillis);
  }

  /** The session and the packets after {@code offset} it should see, or null. Removes it. */
  RestoredSession restore(String pid, String offset) {
    if (pid == null || offset == null) return null;
    StoredSession stored = sessions.remove(pid);
    long now = clock.getAsLong();
    if (stored == null || now - stored.at() > maxAgeMillis) return null;
    prunePackets(now);
    List<ArrayNode> missed = new ArrayList<>();
    boolean found = false;
    for (StoredPacket p : packets) {
      if (found) {
        if (includes(stored.session().rooms(), p.opts())) missed.add(p.data());
      } else if (p.offset().equals(offset)) {
        found = true;
      }
    }
    return found ? new RestoredSession(stored.session(), missed) : null;
  }

  private void prunePackets(long now) {
    for (Iterator<StoredPacket> it = packets.iterator(); it.hasNext(); ) {
      if (now - it.next().at() > maxAgeMillis) it.remove();
      else break;
    }
  }

  private static boolean includes(Set<String> socketRooms, BroadcastOptions opts) {
    boolean included = opts.rooms().isEmpty() || !Collections.disjoint(opts.rooms(), socketRooms);
    boolean excluded = !Collections.disjoint(opts.except(), socketRooms);
    return included && !excluded;
  }
}
