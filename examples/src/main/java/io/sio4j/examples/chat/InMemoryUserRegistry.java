package io.sio4j.examples.chat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link UserRegistry} for a single server node: a concurrent map from the lower-cased name to its
 * holder. Tokens are 128 random bits from {@link SecureRandom}.
 *
 * <pre>{@code
 * ChatServer chat = new ChatServer(io, new InMemoryUserRegistry(), new InMemoryRoomStore(50, 1000));
 * }</pre>
 *
 * <p>Thread-safe: each name's entry changes atomically ({@link ConcurrentMap#compute}).
 */
public final class InMemoryUserRegistry implements UserRegistry {
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Holder(String token, String socketId) {}

  private final ConcurrentMap<String, Holder> holders = new ConcurrentHashMap<>();

  @Override
  public CompletableFuture<UsernameClaim> claim(String username, String token, String socketId) {
    UsernameClaim[] answer = new UsernameClaim[1];
    holders.compute(
        key(username),
        (name, current) -> {
          if (current == null) {
            String fresh = newToken();
            answer[0] = new UsernameClaim(true, fresh, null);
            return new Holder(fresh, socketId);
          }
          if (token != null && token.equals(current.token())) {
            String previous = current.socketId().equals(socketId) ? null : current.socketId();
            answer[0] = new UsernameClaim(true, current.token(), previous);
            return new Holder(current.token(), socketId);
          }
          answer[0] = UsernameClaim.refused();
          return current;
        });
    return CompletableFuture.completedFuture(answer[0]);
  }

  @Override
  public CompletableFuture<Boolean> release(String username, String socketId) {
    boolean[] released = new boolean[1];
    holders.computeIfPresent(
        key(username),
        (name, current) -> {
          if (!current.socketId().equals(socketId)) return current;
          released[0] = true;
          return null;
        });
    return CompletableFuture.completedFuture(released[0]);
  }

  private static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
