package io.sio4j.engine.internal;

import io.sio4j.engine.MemoryBudget;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What a session holds for its peer: its write queue (packets not yet handed to a transport, with
 * their size for the {@code maxBufferedBytes} bound) and its share of the {@link MemoryBudget},
 * which counts the queue plus what the transport wrote and the peer has not taken, and bytes the
 * layer above holds such as partial packets. When the budget sheds, it hands the request to the
 * session's event loop. One object for both (they were two, 80 bytes per idle session: issue 12),
 * as the queue's bytes are most of what the share counts.
 *
 * <p>Threading: confined to the session's event loop, except {@link #count()} and the {@link
 * MemoryBudget.Holder} methods, called from any thread (they read volatile mirrors and hop).
 */
final class SessionMemory implements MemoryBudget.Holder {
  private final EngineSession session;
  // the head packet waits in a field and the ones behind it in a deque made when a second packet
  // queues: an idle session holds no deque, and most flushes take a single packet (issue 12: the
  // deque and its array were 48 bytes per idle connection). Invariant: head == null => rest empty.
  private WirePacket head;
  private ArrayDeque<WirePacket> rest;
  private long queuedBytes;
  // written on the session's loop with setRelease, read anywhere (volatile reads): mirrors for
  // the budget's and the application's threads, without a full fence per message on the loop
  private volatile long held;
  private volatile long volatileBytes; // of the queued packets
  private volatile int count; // of the queued packets
  private boolean closed;
  private boolean registered; // listed in the budget (see add)

  private static final VarHandle HELD;
  private static final VarHandle VOLATILE_BYTES;
  private static final VarHandle COUNT;

  static {
    try {
      MethodHandles.Lookup l = MethodHandles.lookup();
      HELD = l.findVarHandle(SessionMemory.class, "held", long.class);
      VOLATILE_BYTES = l.findVarHandle(SessionMemory.class, "volatileBytes", long.class);
      COUNT = l.findVarHandle(SessionMemory.class, "count", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  SessionMemory(EngineSession session) {
    this.session = session;
  }

  private MemoryBudget budget() {
    return session.options().memoryBudget();
  }

  // ---- the write queue ----

  /** Queues a packet and counts its bytes (the budget may shed). */
  void queue(WirePacket packet) {
    if (head == null) {
      head = packet;
    } else {
      if (rest == null) rest = new ArrayDeque<>(4);
      rest.add(packet);
    }
    queuedBytes += packet.size();
    if (packet.isVolatile()) VOLATILE_BYTES.setRelease(this, volatileBytes + packet.size());
    COUNT.setRelease(this, size());
    add(packet.size());
  }

  boolean isEmpty() {
    return head == null;
  }

  /** Packets queued; readable from any thread. */
  int count() {
    return count;
  }

  /** Bytes queued. */
  long queuedBytes() {
    return queuedBytes;
  }

  private int size() {
    return head == null ? 0 : 1 + (rest == null ? 0 : rest.size());
  }

  /** Takes the head out; the next packet (if any) becomes the head. */
  private void pollHead() {
    head = rest == null ? null : rest.poll();
  }

  /**
   * Takes packets from the head up to {@code maxBytes} on the wire (always at least one); they are
   * no longer counted here (the transport counts what it still holds itself).
   */
  List<WirePacket> take(long maxBytes) {
    List<WirePacket> batch;
    if (rest == null || rest.isEmpty()) {
      // the common case (a reply, a PING): no list to grow
      batch = List.of(head);
      head = null;
    } else {
      batch = new ArrayList<>(Math.min(size(), 64));
      long wire = 0;
      while (head != null) {
        WirePacket p = head;
        if (!batch.isEmpty() && wire + p.size() + 1 > maxBytes) break;
        pollHead();
        wire += p.size() + 1;
        batch.add(p);
      }
    }
    long bytes = 0;
    long volatileTaken = 0;
    for (int i = 0, n = batch.size(); i < n; i++) { // no iterator per flush
      WirePacket p = batch.get(i);
      bytes += p.size();
      if (p.isVolatile()) volatileTaken += p.size();
    }
    queuedBytes -= bytes;
    if (volatileTaken != 0) VOLATILE_BYTES.setRelease(this, volatileBytes - volatileTaken);
    COUNT.setRelease(this, size());
    release(bytes);
    return batch;
  }

  /** Drops every queued volatile packet; returns how many bytes that freed. */
  long removeVolatile() {
    long freed = volatileBytes;
    if (freed == 0) return 0;
    if (rest != null) rest.removeIf(WirePacket::isVolatile);
    if (head.isVolatile()) pollHead();
    queuedBytes -= freed;
    VOLATILE_BYTES.setRelease(this, 0L);
    COUNT.setRelease(this, size());
    release(freed);
    return freed;
  }

  // ---- the share of the budget ----

  /** {@code bytes} more are held (already allocated): counted, and the budget may shed. */
  void add(long bytes) {
    if (closed || bytes == 0) return;
    HELD.setRelease(this, held + bytes);
    MemoryBudget budget = budget();
    // listed in the budget once shedding could act on this session: when it first queues a
    // volatile packet (they are dropped first) or holds 1/64 of the limit (less is never closed,
    // as MemoryBudget documents). Idle sessions are never listed: a concurrent set's node less per
    // connection, and no insert and removal per connect (issue 12)
    if (!registered && (volatileBytes != 0 || held >= budget.limit() / 64)) {
      registered = true;
      budget.register(this);
    }
    budget.add(bytes);
  }

  void release(long bytes) {
    if (closed || bytes == 0) return;
    HELD.setRelease(this, held - bytes);
    budget().release(bytes);
  }

  /**
   * The session closed: the queue empties, everything held is released, later calls count nothing.
   */
  void close() {
    head = null;
    rest = null;
    queuedBytes = 0;
    VOLATILE_BYTES.setRelease(this, 0L);
    COUNT.setRelease(this, 0);
    if (closed) return;
    closed = true;
    MemoryBudget budget = budget();
    if (registered) budget.unregister(this);
    budget.release(held);
    held = 0;
  }

  @Override
  public long heldBytes() {
    return held;
  }

  @Override
  public long volatileBytes() {
    return volatileBytes;
  }

  @Override
  public void dropVolatile() {
    session.runOnLoop(session::dropQueuedVolatile);
  }

  @Override
  public void shed() {
    session.runOnLoop(() -> session.closeHolding("memory budget exceeded"));
  }
}
