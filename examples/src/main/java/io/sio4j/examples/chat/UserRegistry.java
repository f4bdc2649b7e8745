package io.sio4j.examples.chat;

import java.util.concurrent.CompletableFuture;

/**
 * Who holds which username. The chat's one source of truth for names, kept behind this interface so
 * that several server nodes can share it (a Redis-backed registry later) while a single node uses
 * {@link InMemoryUserRegistry}. Methods answer with futures so an implementation may do I/O without
 * blocking the event loop.
 *
 * <p>A name is held by one socket at a time. The first claim of a free name gets a fresh secret
 * token; a later claim that presents the same token takes the name over (that is how a page that
 * reconnected, perhaps before the server noticed its old connection died, keeps its user). A name
 * is freed when the socket holding it releases it, normally on disconnect.
 *
 * <pre>{@code
 * UserRegistry users = new InMemoryUserRegistry();
 * users.claim("ada", null, "socket-1").join().granted();   // true, with a new token
 * users.claim("ada", null, "socket-2").join().granted();   // false: taken
 * users.release("ada", "socket-1").join();                  // true: ada is free again
 * }</pre>
 *
 * <p>A shared implementation must also free the names held by a node that died without releasing
 * them (for instance a holder entry with a time to live that the owning node refreshes while the
 * socket is connected); the in-memory one dies with its node, so it has no such case.
 *
 * <p>Implementations are thread-safe.
 */
public interface UserRegistry {

  /**
   * Claims {@code username} for {@code socketId}: granted when the name is free, or when {@code
   * token} is the token of its current holder (a takeover: the answer names the previous socket).
   * Names are compared case-insensitively, so "Ada" and "ada" are the same user.
   */
  CompletableFuture<UsernameClaim> claim(String username, String token, String socketId);

  /**
   * Frees {@code username} if {@code socketId} still holds it; completes with whether it did. A
   * socket that lost its name to a takeover frees nothing.
   */
  CompletableFuture<Boolean> release(String username, String socketId);
}
