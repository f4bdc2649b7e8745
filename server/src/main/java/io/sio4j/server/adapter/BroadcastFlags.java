package io.sio4j.server.adapter;

import java.time.Duration;

/**
 * The modifiers of one broadcast, as set on a {@link io.sio4j.server.BroadcastOperator}.
 *
 * <pre>{@code
 * BroadcastFlags flags = BroadcastFlags.DEFAULT.withVolatile(true);
 * }</pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param isVolatile the packet may be dropped when a client cannot take it right away
 * @param compress whether compression is allowed (default true)
 * @param local only sockets of this server node (matters with a cluster adapter)
 * @param timeout acknowledgement timeout, or {@code null} for none
 */
public record BroadcastFlags(
    boolean isVolatile, boolean compress, boolean local, Duration timeout) {

  /** No modifiers: not volatile, compressed, not local, no timeout. */
  public static final BroadcastFlags DEFAULT = new BroadcastFlags(false, true, false, null);

  /** A copy with {@code isVolatile} changed. */
  public BroadcastFlags withVolatile(boolean v) {
    return new BroadcastFlags(v, compress, local, timeout);
  }

  /** A copy with {@code compress} changed. */
  public BroadcastFlags withCompress(boolean c) {
    return new BroadcastFlags(isVolatile, c, local, timeout);
  }

  /** A copy with {@code local} changed. */
  public BroadcastFlags withLocal(boolean l) {
    return new BroadcastFlags(isVolatile, compress, l, timeout);
  }

  /** A copy with {@code timeout} changed. */
  public BroadcastFlags withTimeout(Duration t) {
    return new BroadcastFlags(isVolatile, compress, local, t);
  }
}
