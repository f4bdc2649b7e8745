package io.sio4j.client.internal.engine;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The reconnection delay of the JavaScript client: {@code min * 2^attempts}, moved up or down by up
 * to {@code jitter * delay}, capped at {@code max}. Randomness is injected for tests.
 *
 * <pre>{@code
 * Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, Math::random);
 * Duration first = b.next(); // 0.5 s .. 1.5 s
 * }</pre>
 *
 * <p>Not thread-safe: confined to the Manager's loop.
 */
public final class Backoff {
  private final long minMillis;
  private final long maxMillis;
  private final double jitter;
  private final DoubleSupplier random;
  private int attempts;

  /** A backoff with the given bounds and jitter (0 to 1), drawing from {@code random}. */
  public Backoff(Duration min, Duration max, double jitter, DoubleSupplier random) {
    this.minMillis = min.toMillis();
    this.maxMillis = max.toMillis();
    this.jitter = jitter;
    this.random = random;
  }

  /** The delay before the next attempt; counts the attempt. */
  public Duration next() {
    double ms = minMillis * Math.pow(2, attempts);
    if (attempts < Integer.MAX_VALUE) attempts++;
    if (jitter > 0) {
      double rand = random.getAsDouble();
      double deviation = Math.floor(rand * jitter * ms);
      // one random draw decides both the size and the direction, as the JS client does
      ms = (((long) Math.floor(rand * 10)) & 1) == 0 ? ms - deviation : ms + deviation;
    }
    return Duration.ofMillis((long) Math.min(ms, maxMillis));
  }

  /** Attempts counted since the last {@link #reset()}. */
  public int attempts() {
    return attempts;
  }

  /** Starts over from the minimum delay. */
  public void reset() {
    attempts = 0;
  }
}
