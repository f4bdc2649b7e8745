package io.sio4j.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A budget for the bytes a server holds on behalf of its peers: sessions' outbound buffers (with
 * polling responses not yet taken by the peer), partial binary packets waiting for their
 * attachments, and request bodies being received (issue 14). Every bound elsewhere is per
 * connection; this one stops many connections together from filling the heap.
 *
 * <p>When a holder's bytes take the total past {@link #limit()}, the budget sheds: first every
 * holder's queued volatile packets are dropped; if that is not enough, the largest holders are
 * closed (their sessions end with {@code "transport error"}, description {@code "memory budget
 * exceeded"}) until the total is back within the limit. A holder with less than 1/64 of the limit
 * is never closed by shedding, so a client that takes what it is sent is not punished for others. A
 * request body that does not fit is refused ({@code 503}, connection closed) and also starts
 * shedding.
 *
 * <p>The default, {@link #processWide()}, is one instance per JVM shared by every server that does
 * not set its own, with a limit of a quarter of {@link Runtime#maxMemory()} (measured, the heap
 * holds about twice the bytes counted here, so a quarter keeps room for the application).
 *
 * <pre>{@code
 * EngineOptions.builder().memoryBudget(MemoryBudget.ofBytes(64L << 20)).build();
 * }</pre>
 *
 * <p>Threading: thread-safe. {@link Holder}s are called from any thread and hop to their own.
 */
public final class MemoryBudget {
  private static final MemoryBudget PROCESS_WIDE =
      new MemoryBudget(Runtime.getRuntime().maxMemory() / 4);

  /** Holders with less than {@code limit / 64} are never closed by shedding. */
  static final long MIN_SHARE_DIVISOR = 64;

  private final long limit;
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong closedHolders = new AtomicLong();
  private final AtomicBoolean shedding = new AtomicBoolean();
  private final Set<Holder> holders = ConcurrentHashMap.newKeySet();

  private MemoryBudget(long limit) {
    if (limit <= 0) throw new IllegalArgumentException("memory budget must be > 0 bytes");
    this.limit = limit;
  }

  /** The JVM-wide default: a quarter of the maximum heap, shared. */
  public static MemoryBudget processWide() {
    return PROCESS_WIDE;
  }

  /** A budget of its own with this many bytes (share it between servers to bound them together). */
  public static MemoryBudget ofBytes(long limit) {
    return new MemoryBudget(limit);
  }

  /** The bound in bytes. */
  public long limit() {
    return limit;
  }

  /** Bytes counted now. */
  public long used() {
    return used.get();
  }

  /** How many holders were closed by shedding since the start. */
  public long closedHolders() {
    return closedHolders.get();
  }

  /**
   * One party holding bytes for a peer (a session). Called by the budget from any thread; each
   * method hops to the holder's own thread if it needs to.
   */
  public interface Holder {
    /** Bytes held now (counted in the budget). */
    long heldBytes();

    /** Of those, bytes of volatile packets that may be dropped. */
    long volatileBytes();

    /** Drops queued volatile packets. */
    void dropVolatile();

    /** Releases everything it holds by closing (its connections end). */
    void shed();
  }

  /** Lists a holder as a candidate for shedding. */
  public void register(Holder holder) {
    holders.add(holder);
  }

  /** Removes a holder (it closed). */
  public void unregister(Holder holder) {
    holders.remove(holder);
  }

  /** Counts {@code bytes} more; sheds when the limit is passed. They are held already. */
  public void add(long bytes) {
    if (used.addAndGet(bytes) > limit) shed();
  }

  /**
   * Counts {@code bytes} more if they fit; else counts nothing, sheds, and returns false (the
   * caller refuses what it was about to hold).
   */
  public boolean tryAdd(long bytes) {
    long now = used.addAndGet(bytes);
    if (now <= limit) return true;
    used.addAndGet(-bytes);
    shed();
    return false;
  }

  /** Counts {@code bytes} fewer. */
  public void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** Volatile packets first, then the largest holders, until the projected total fits. */
  private void shed() {
    if (!shedding.compareAndSet(false, true)) return;
    try {
      long projected = used.get();
      List<Holder> all = new ArrayList<>(holders);
      for (Holder h : all) {
        long v = h.volatileBytes();
        if (v > 0) {
          projected -= v;
          h.dropVolatile();
        }
      }
      if (projected <= limit) return;
      all.sort(Comparator.comparingLong(Holder::heldBytes).reversed());
      long smallest = limit / MIN_SHARE_DIVISOR;
      for (Holder h : all) {
        if (projected <= limit) break;
        long held = h.heldBytes();
        // a holder with a small share (a client that reads, a few packets in flight) is never
        // shed: closing it would free little and punish the well-behaved
        if (held < smallest) break;
        if (!holders.remove(h)) continue;
        projected -= held;
        closedHolders.incrementAndGet();
        h.shed();
      }
    } finally {
      shedding.set(false);
    }
  }
}
