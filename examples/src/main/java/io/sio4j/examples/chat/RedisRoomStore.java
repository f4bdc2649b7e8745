package io.sio4j.examples.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link RoomStore} on Redis, shared by every chat node of a {@link RedisChatStore}. Keys: a sorted
 * set {@code <prefix>rooms} of the remembered rooms (scored by last use), and per room a hash
 * {@code <prefix>room:<name>:users} (user → node) and a list {@code <prefix>room:<name>:history} of
 * the last messages as JSON. Bounded like {@link InMemoryRoomStore}: {@code historySize} messages
 * per room, {@code maxRooms} rooms, the least recently used empty room giving its place to a new
 * one. Users whose node's heartbeat expired are dropped whenever a room is read.
 *
 * <pre>{@code
 * RoomStore rooms = RedisChatStore.connect("redis://127.0.0.1:6379").rooms(50, 1000);
 * }</pre>
 *
 * <p>History read back from Redis is untrusted: an entry that is not a message is skipped.
 *
 * <p>Thread-safe.
 */
final class RedisRoomStore implements RoomStore {
  private static final Comparator<String> BY_NAME =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
  private static final ObjectMapper JSON = new ObjectMapper();

  // ARGV[1] key prefix, ARGV[2] node key prefix; live(room) answers the users whose node is alive
  // and removes the others.
  private static final String LIVE =
      """
      local function users_key(room) return ARGV[1] .. 'room:' .. room .. ':users' end
      local function live(room)
        local k = users_key(room)
        local flat = redis.call('HGETALL', k)
        local users = {}
        for i = 1, #flat, 2 do
          if redis.call('EXISTS', ARGV[2] .. flat[i + 1]) == 1 then
            users[#users + 1] = flat[i]
          else
            redis.call('HDEL', k, flat[i])
          end
        end
        return users
      end
      """;

  // ARGV[3] room, [4] user, [5] node, [6] max rooms, [7] now (ms).
  // Answers {0} when no room can be made, else {1, users, history}.
  private static final String JOIN =
      LIVE
          + """
          local rooms = ARGV[1] .. 'rooms'
          if not redis.call('ZSCORE', rooms, ARGV[3]) then
            if redis.call('ZCARD', rooms) >= tonumber(ARGV[6]) then
              local evicted = false
              for _, r in ipairs(redis.call('ZRANGE', rooms, 0, -1)) do
                if #live(r) == 0 then
                  redis.call('ZREM', rooms, r)
                  redis.call('DEL', users_key(r), ARGV[1] .. 'room:' .. r .. ':history')
                  evicted = true
                  break
                end
              end
              if not evicted then return {0} end
            end
          end
          redis.call('ZADD', rooms, ARGV[7], ARGV[3])
          redis.call('HSET', users_key(ARGV[3]), ARGV[4], ARGV[5])
          return {1, live(ARGV[3]), redis.call('LRANGE', ARGV[1] .. 'room:' .. ARGV[3] .. ':history', 0, -1)}
          """;

  // ARGV[3] room, [4] user. Answers {users}.
  private static final String LEAVE =
      LIVE
          + """
          redis.call('HDEL', users_key(ARGV[3]), ARGV[4])
          return {live(ARGV[3])}
          """;

  // ARGV[3] room. Answers {users}.
  private static final String MEMBERS = LIVE + "return {live(ARGV[3])}\n";

  // Answers {room, count, room, count, ...} for the rooms with users.
  private static final String ROOMS =
      LIVE
          + """
          local out = {}
          for _, r in ipairs(redis.call('ZRANGE', ARGV[1] .. 'rooms', 0, -1)) do
            local n = #live(r)
            if n > 0 then
              out[#out + 1] = r
              out[#out + 1] = n
            end
          end
          return out
          """;

  // ARGV[1] key prefix, [2] room, [3] message JSON, [4] history size, [5] now (ms).
  private static final String APPEND =
      """
      local rooms = ARGV[1] .. 'rooms'
      if not redis.call('ZSCORE', rooms, ARGV[2]) then return {0} end
      redis.call('ZADD', rooms, ARGV[5], ARGV[2])
      local n = tonumber(ARGV[4])
      if n > 0 then
        local k = ARGV[1] .. 'room:' .. ARGV[2] .. ':history'
        redis.call('RPUSH', k, ARGV[3])
        redis.call('LTRIM', k, -n, -1)
      end
      return {1}
      """;

  private static final String[] NO_KEYS = new String[0];

  private final RedisChatStore store;
  private final int historySize;
  private final int maxRooms;

  RedisRoomStore(RedisChatStore store, int historySize, int maxRooms) {
    if (historySize < 0) throw new IllegalArgumentException("historySize < 0: " + historySize);
    if (maxRooms < 1) throw new IllegalArgumentException("maxRooms < 1: " + maxRooms);
    this.store = store;
    this.historySize = historySize;
    this.maxRooms = maxRooms;
  }

  @Override
  public CompletableFuture<RoomSnapshot> join(String room, String user) {
    return run(
            JOIN,
            room,
            user,
            store.nodeId(),
            Integer.toString(maxRooms),
            Long.toString(System.currentTimeMillis()))
        .thenApply(
            answer -> {
              if (answer.size() != 3 || !Long.valueOf(1).equals(answer.get(0))) {
                throw new ChatRejection(
                    "There are too many rooms right now; join an existing one.");
              }
              return new RoomSnapshot(room, names(answer.get(1)), history(answer.get(2)));
            });
  }

  @Override
  public CompletableFuture<List<String>> leave(String room, String user) {
    return run(LEAVE, room, user).thenApply(answer -> names(answer.get(0)));
  }

  @Override
  public CompletableFuture<Void> append(ChatMessage message) {
    String json;
    try {
      json = JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      return CompletableFuture.failedFuture(e);
    }
    return store
        .eval(
            APPEND,
            NO_KEYS,
            store.prefix(),
            message.room(),
            json,
            Integer.toString(historySize),
            Long.toString(System.currentTimeMillis()))
        .thenApply(answer -> null);
  }

  @Override
  public CompletableFuture<List<String>> members(String room) {
    return run(MEMBERS, room).thenApply(answer -> names(answer.get(0)));
  }

  @Override
  public CompletableFuture<List<RoomSummary>> rooms() {
    return store
        .eval(ROOMS, NO_KEYS, store.prefix(), store.nodeKeyPrefix())
        .thenApply(
            flat -> {
              List<RoomSummary> list = new ArrayList<>();
              for (int i = 0; i + 1 < flat.size(); i += 2) {
                if (flat.get(i) instanceof String name && flat.get(i + 1) instanceof Long n) {
                  list.add(new RoomSummary(name, n.intValue()));
                }
              }
              list.sort(Comparator.comparing(RoomSummary::name, BY_NAME));
              return list;
            });
  }

  /** Runs a script that starts with {@link #LIVE}: its first two arguments are the prefixes. */
  private CompletableFuture<List<Object>> run(String script, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = store.prefix();
    all[1] = store.nodeKeyPrefix();
    System.arraycopy(args, 0, all, 2, args.length);
    return store.eval(script, NO_KEYS, all);
  }

  private static List<String> names(Object answer) {
    List<String> list = new ArrayList<>();
    if (answer instanceof List<?> items) {
      for (Object o : items) if (o instanceof String s) list.add(s);
    }
    list.sort(BY_NAME);
    return List.copyOf(list);
  }

  private static List<ChatMessage> history(Object answer) {
    List<ChatMessage> list = new ArrayList<>();
    if (answer instanceof List<?> items) {
      for (Object o : items) {
        if (!(o instanceof String s)) continue;
        try {
          ChatMessage m = JSON.readValue(s, ChatMessage.class);
          if (m.message() != null && m.user() != null && m.room() != null) list.add(m);
        } catch (JsonProcessingException e) {
          // not a message: skipped (the store is shared, so its contents are untrusted)
        }
      }
    }
    return list;
  }
}
