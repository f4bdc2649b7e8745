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
  // the head packet waits in a field and the ones behind it in a deque made when a second packet
  // queues: an idle session holds no deque, and most flushes take a single packet (issue 12: the
  // deque and its array were 48 bytes per idle connection). Invariant: head == null => rest empty.
  private WirePacket head;
  private ArrayDeque<WirePacket> rest;
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
    if (head == null) {
      head = packet;
    } else {
      if (rest == null) rest = new ArrayDeque<>(4);
      rest.add(packet);
    }
    bytes += packet.size();
    if (packet.isVolatile()) volatileBytes += packet.size();
    COUNT.setRelease(this, size());
    return bytes;
  }

  boolean isEmpty() {
    return head == null;
  }

  private int size() {
    return head == null ? 0 : 1 + (rest == null ? 0 : rest.size());
  }

  /** Takes the head out; the next packet (if any) becomes the head. */
  private void pollHead() {
    head = rest == null ? null : rest.poll();
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
    if (head != null && (rest == null || rest.isEmpty())) {
      // the common case (a reply, a PING): no list to grow
      WirePacket p = head;
      head = null;
      bytes -= p.size();
      if (p.isVolatile()) volatileBytes -= p.size();
      COUNT.setRelease(this, 0);
      return List.of(p);
    }
    List<WirePacket> batch = new ArrayList<>(Math.min(size(), 64));
    long taken = 0;
    while (head != null) {
      WirePacket p = head;
      if (!batch.isEmpty() && taken + p.size() + 1 > maxBytes) break;
      pollHead();
      taken += p.size() + 1;
      bytes -= p.size();
      if (p.isVolatile()) volatileBytes -= p.size();
      batch.add(p);
    }
    COUNT.setRelease(this, size());
    return batch;
  }

  /** Drops every queued volatile packet; returns how many bytes that freed. */
  long dropVolatile() {
    if (volatileBytes == 0) return 0;
    long freed = volatileBytes;
    if (rest != null) rest.removeIf(WirePacket::isVolatile);
    if (head.isVolatile()) pollHead();
    bytes -= freed;
    volatileBytes = 0;
    COUNT.setRelease(this, size());
    return freed;
  }

  /** Empties the queue; returns how many bytes it held. */
  long clear() {
    long held = bytes;
    head = null;
    rest = null;
    bytes = 0;
    volatileBytes = 0;
    COUNT.setRelease(this, 0);
    return held;
  }
}
