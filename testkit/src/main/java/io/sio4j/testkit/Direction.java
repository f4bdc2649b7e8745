package io.sio4j.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults of one direction of a {@link ChaosProxy}: {@link ChaosProxy#upstream()} (client to
 * server) or {@link ChaosProxy#downstream()} (server to client). Settings apply at once to every
 * open connection and to new ones. Thread-safe.
 */
public final class Direction {
  private final ChaosProxy proxy;
  private final String name;
  private final AtomicReference<Cut> cut = new AtomicReference<>();
  private final AtomicLong cuts = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long latencyNanos;
  private volatile long bytesPerSecond;
  private volatile boolean stalled;

  Direction(ChaosProxy proxy, String name) {
    this.proxy = proxy;
    this.name = name;
  }

  /** Delays every byte by {@code latency} (bytes keep their order); zero for none. */
  public Direction latency(Duration latency) {
    latencyNanos = ChaosProxy.nanos(latency);
    return this;
  }

  /** Limits each connection to {@code bytesPerSecond} in this direction; 0 for no limit. */
  public Direction bandwidth(long bytesPerSecond) {
    if (bytesPerSecond < 0) throw new IllegalArgumentException("negative bandwidth");
    this.bytesPerSecond = bytesPerSecond;
    return this;
  }

  /**
   * Stops reading from the sending side: what it sends waits in its own socket buffers, then in its
   * application (TCP backpressure). Bytes the proxy already read are still delivered.
   */
  public Direction stall() {
    stalled = true;
    return this;
  }

  /** Reads again after {@link #stall()}. */
  public Direction resume() {
    stalled = false;
    for (ChaosLink link : proxy.links()) link.wake();
    return this;
  }

  /**
   * Cuts the first connection that relays {@code bytes} more bytes in this direction (counted per
   * connection from now): exactly that many are delivered, then both sides are closed, so a cut can
   * fall in the middle of a frame. One shot: the returned future completes when the cut is made; a
   * second call replaces a cut not yet made.
   */
  public CompletableFuture<Void> cutAfter(long bytes) {
    if (bytes < 0) throw new IllegalArgumentException("negative byte count");
    return arm(new Cut(new Random(0), bytes, bytes));
  }

  /**
   * As {@link #cutAfter(long)}, after a number of bytes drawn from {@code random} for each
   * connection, uniformly in {@code [minBytes, maxBytes]}. A seeded {@code Random} makes the cut
   * points reproducible (for the same traffic).
   */
  public CompletableFuture<Void> cutAtRandom(Random random, long minBytes, long maxBytes) {
    if (minBytes < 0 || maxBytes < minBytes) throw new IllegalArgumentException("bad range");
    return arm(new Cut(random, minBytes, maxBytes));
  }

  /** Cancels a cut not yet made. */
  public Direction noCut() {
    Cut old = cut.getAndSet(null);
    if (old != null) old.done.cancel(false);
    return this;
  }

  /**
   * Half-closes every open connection in this direction: after the bytes already read are
   * delivered, the receiving side gets end-of-stream (a TCP FIN), while the other direction goes
   * on. The proxy stops reading from the sending side of those connections.
   */
  public Direction halfClose() {
    for (ChaosLink link : List.copyOf(proxy.links())) link.halfClose(this);
    return this;
  }

  /** Cuts made in this direction so far. */
  public long cuts() {
    return cuts.get();
  }

  /** Bytes relayed in this direction so far, over every connection. */
  public long bytesRelayed() {
    return bytes.get();
  }

  @Override
  public String toString() {
    return name;
  }

  private CompletableFuture<Void> arm(Cut c) {
    Cut old = cut.getAndSet(c);
    if (old != null) old.done.cancel(false);
    for (ChaosLink link : proxy.links()) link.wake();
    return c.done;
  }

  Cut armedCut() {
    return cut.get();
  }

  /** Claims the armed cut for one connection; false when another claimed it first. */
  boolean claim(Cut c) {
    if (!cut.compareAndSet(c, null)) return false;
    cuts.incrementAndGet();
    return true;
  }

  void relayed(long n) {
    bytes.addAndGet(n);
  }

  long latencyNanos() {
    return latencyNanos;
  }

  long bytesPerSecond() {
    return bytesPerSecond;
  }

  boolean stalled() {
    return stalled;
  }

  /** One armed cut: where each connection is cut is drawn when it first sees it. */
  static final class Cut {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Random random;
    private final long min;
    private final long max;

    Cut(Random random, long min, long max) {
      this.random = random;
      this.min = min;
      this.max = max;
    }

    synchronized long draw() {
      return min == max ? min : min + (long) (random.nextDouble() * (max - min + 1));
    }
  }
}
