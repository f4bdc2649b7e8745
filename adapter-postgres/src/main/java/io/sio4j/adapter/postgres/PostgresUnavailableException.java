package io.sio4j.adapter.postgres;

/**
 * PostgreSQL does not answer: a request to the other nodes ({@code fetchSockets}, {@code
 * serverSideEmitWithAck}) or a message could not go out. The node keeps serving its own clients;
 * the adapter reconnects by itself.
 *
 * <pre>{@code
 * io.fetchSockets().exceptionally(err -> {
 *   if (err.getCause() instanceof PostgresUnavailableException) { ... retry later ... }
 *   return List.of();
 * });
 * }</pre>
 */
public final class PostgresUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** With a message saying what could not be done. */
  public PostgresUnavailableException(String message) {
    super(message);
  }
}
