package io.sio4j.examples.chat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * {@link UserRegistry} on Redis, shared by every chat node of a {@link RedisChatStore}: one hash
 * {@code <prefix>user:<lower-cased name>} per held name, with its token, socket and node. A claim
 * and a release are each one Lua script, so two nodes claiming one name at once grant it once. A
 * holder whose node's heartbeat expired counts as gone.
 *
 * <pre>{@code
 * UserRegistry users = RedisChatStore.connect("redis://127.0.0.1:6379").users();
 * }</pre>
 *
 * <p>Thread-safe.
 */
final class RedisUserRegistry implements UserRegistry {
  private static final SecureRandom RANDOM = new SecureRandom();

  // KEYS[1] the name's hash; ARGV: token ('' for none), socket, node, fresh token, node key prefix.
  // Answers {granted 0|1, token, previous socket or ''}.
  private static final String CLAIM =
      """
      local cur = redis.call('HMGET', KEYS[1], 'token', 'socket', 'node')
      local alive = cur[1] and cur[2] and cur[3] and redis.call('EXISTS', ARGV[5] .. cur[3]) == 1
      local same = cur[1] and ARGV[1] ~= '' and ARGV[1] == cur[1]
      if alive and not same then return {0, '', ''} end
      local token = same and cur[1] or ARGV[4]
      local previous = ''
      if alive and cur[2] ~= ARGV[2] then previous = cur[2] end
      redis.call('DEL', KEYS[1])
      redis.call('HSET', KEYS[1], 'token', token, 'socket', ARGV[2], 'node', ARGV[3])
      return {1, token, previous}
      """;

  // KEYS[1] the name's hash; ARGV[1] the socket. Answers 1 when it freed the name.
  private static final String RELEASE =
      """
      if redis.call('HGET', KEYS[1], 'socket') == ARGV[1] then
        redis.call('DEL', KEYS[1])
        return {1}
      end
      return {0}
      """;

  private final RedisChatStore store;

  RedisUserRegistry(RedisChatStore store) {
    this.store = store;
  }

  @Override
  public CompletableFuture<UsernameClaim> claim(String username, String token, String socketId) {
    return store
        .eval(
            CLAIM,
            new String[] {key(username)},
            token == null ? "" : token,
            socketId,
            store.nodeId(),
            newToken(),
            store.nodeKeyPrefix())
        .thenApply(RedisUserRegistry::toClaim);
  }

  private static UsernameClaim toClaim(List<Object> answer) {
    if (answer.size() != 3 || !Long.valueOf(1).equals(answer.get(0))) {
      return UsernameClaim.refused();
    }
    String previous = (String) answer.get(2);
    return new UsernameClaim(true, (String) answer.get(1), previous.isEmpty() ? null : previous);
  }

  @Override
  public CompletableFuture<Boolean> release(String username, String socketId) {
    return store
        .eval(RELEASE, new String[] {key(username)}, socketId)
        .thenApply(answer -> Long.valueOf(1).equals(answer.get(0)));
  }

  private String key(String username) {
    return store.prefix() + "user:" + username.toLowerCase(Locale.ROOT);
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
