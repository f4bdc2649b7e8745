package io.sio4j.adapter.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * What the builders of every Redis adapter's options share: the requests timeout and the checks of
 * names and durations. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by each setter
 */
abstract class OptionsBuilder<B extends OptionsBuilder<B>> {
  Duration requestsTimeout = Duration.ofSeconds(5);

  OptionsBuilder() {}

  /** How long requests to other nodes wait (default 5 s). */
  public B requestsTimeout(Duration timeout) {
    this.requestsTimeout = timeout;
    return self();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /** A name that must be present and not empty. */
  static String nonEmpty(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) throw new IllegalArgumentException(name + " must not be empty");
    return value;
  }

  /** A duration that must be present and positive. */
  static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** A count that must be positive. */
  static int positive(int value, String name) {
    if (value <= 0) throw new IllegalArgumentException(name + " must be positive: " + value);
    return value;
  }
}
