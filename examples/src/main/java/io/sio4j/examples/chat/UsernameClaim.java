package io.sio4j.examples.chat;

/**
 * The answer of {@link UserRegistry#claim}: whether the name is now held by the caller, the secret
 * token that lets the same user take the name back after a reconnection, and the socket that held
 * it before when this claim took it over (or {@code null}).
 *
 * <pre>{@code
 * users.claim("ada", null, socket.id()).thenAccept(claim -> {
 *   if (claim.granted()) socket.emit("userSet", Map.of("username", "ada", "token", claim.token()));
 * });
 * }</pre>
 *
 * <p>Immutable, so thread-safe.
 */
public record UsernameClaim(boolean granted, String token, String previousSocketId) {
  /** A refused claim: the name belongs to someone else. */
  public static UsernameClaim refused() {
    return new UsernameClaim(false, null, null);
  }
}
