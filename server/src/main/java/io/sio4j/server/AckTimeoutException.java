package io.sio4j.server;

import io.sio4j.protocol.event.Arguments;
import java.util.List;

/**
 * Completes an acknowledgement future when the timeout set with {@code timeout(Duration)} fired
 * first (the official client's "operation has timed out"). For a broadcast, {@link #responses()}
 * holds the acknowledgements that did arrive in time.
 *
 * <pre>{@code
 * io.timeout(Duration.ofSeconds(2)).emitWithAck("ping").exceptionally(err -> {
 *   if (err.getCause() instanceof AckTimeoutException t) return t.responses();
 *   throw new CompletionException(err);
 * });
 * }</pre>
 *
 * <p>Immutable.
 */
public final class AckTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Arguments> responses;

  AckTimeoutException(List<Arguments> responses) {
    super("operation has timed out", null, false, false);
    this.responses = List.copyOf(responses);
  }

  /** The acknowledgements received before the timeout (empty for a single socket). */
  public List<Arguments> responses() {
    return responses;
  }
}
