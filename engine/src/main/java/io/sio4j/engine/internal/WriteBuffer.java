package io.sio4j.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's queue of packets not yet handed to a transport, with its size in bytes (and the share
 * of volatile packets) for the {@code maxBufferedBytes} bound and the memory budget.
 *
 * <p>Threading: confined to the session's event loop, except {@link #count()}, readable anywhere.
 */
final class WriteBuffer {
  // starts small (a 2-slot array, not 17) and doubles: an idle session holds nothing here
  private final ArrayDeque<WirePacket> packets = new ArrayDeque<>(1);
  private long bytes;
  private long volatileBytes;
  private volatile int count; // written with setRelease: a mirror for other threads, no fence

  private static final VarHandle COUNT;

  static {
    try {
      COUNT = MethodHandles.lookup().findVarHandle(WriteBuffer.class, "count", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Adds a packet; returns the buffered size in bytes afterwards. */
  long add(WirePacket packet) {
    packets.add(packet);
    bytes += packet.size();
    if (packet.isVolatile()) volatileBytes += packet.size();
    COUNT.setRelease(this, packets.size());
    return bytes;
  }

  boolean isEmpty() {
    return packets.isEmpty();
  }

  int count() {
    return count;
  }

  long bytes() {
    return bytes;
  }

  long volatileBytes() {
    return volatileBytes;
  }

  /** Takes packets from the head up to {@code maxBytes} on the wire (always at least one). */
  List<WirePacket> take(long maxBytes) {
    List<WirePacket> batch = new ArrayList<>(Math.min(packets.size(), 64));
    long taken = 0;
    while (!packets.isEmpty()) {
      WirePacket p = packets.peek();
      if (!batch.isEmpty() && taken + p.size() + 1 > maxBytes) break;
      packets.poll();
      taken += p.size() + 1;
      bytes -= p.size();
      if (p.isVolatile()) volatileBytes -= p.size();
      batch.add(p);
    }
    COUNT.setRelease(this, packets.size());
    return batch;
  }

  /** Drops every queued volatile packet; returns how many bytes that freed. */
  long dropVolatile() {
    if (volatileBytes == 0) return 0;
    long freed = volatileBytes;
    packets.removeIf(WirePacket::isVolatile);
    bytes -= freed;
    volatileBytes = 0;
    COUNT.setRelease(this, packets.size());
    return freed;
  }

  /** Empties the queue; returns how many bytes it held. */
  long clear() {
    long held = bytes;
    packets.clear();
    bytes = 0;
    volatileBytes = 0;
    COUNT.setRelease(this, 0);
    return held;
  }
}
