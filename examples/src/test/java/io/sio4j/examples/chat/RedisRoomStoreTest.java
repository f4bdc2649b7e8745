package io.sio4j.examples.chat;

import static io.sio4j.examples.chat.RoomStoreContract.msg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room store contract on the real Redis, and what only a shared store must do. */
class RedisRoomStoreTest extends RoomStoreContract {
  private final RedisTestNodes nodes = new RedisTestNodes();

  @Override
  protected RoomStore newStore(int historySize, int maxRooms) {
    return nodes.node().rooms(historySize, maxRooms);
  }

  @AfterEach
  void cleanUp() {
    nodes.close();
  }

  @Test
  void twoNodesSeeTheSameRooms() {
    RoomStore a = nodes.node().rooms(5, 10);
    RoomStore b = nodes.node().rooms(5, 10);
    a.join("java", "ada").join();
    a.append(msg("java", "from a")).join();
    RoomSnapshot seen = b.join("java", "bob").join();
    assertThat(seen.users()).containsExactly("ada", "bob");
    assertThat(seen.history()).extracting(ChatMessage::message).containsExactly("from a");
    assertThat(a.rooms().join()).containsExactly(new RoomSummary("java", 2));
    assertThat(b.leave("java", "bob").join()).containsExactly("ada");
  }

  @Test
  void aCrashedNodesUsersLeaveEveryRoomWhenItsHeartbeatExpires() {
    RedisChatStore crashing = nodes.node(Duration.ofMillis(600));
    RoomStore survivor = nodes.node().rooms(5, 10);
    crashing.rooms(5, 10).join("java", "ada").join();
    crashing.rooms(5, 10).join("lonely", "ada").join();
    survivor.join("java", "bob").join();
    crashing.abandon();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> survivor.rooms().join().equals(java.util.List.of(new RoomSummary("java", 1))));
    assertThat(survivor.members("java").join()).containsExactly("bob");
  }

  @Test
  void historyThatIsNotAMessageIsSkipped() {
    RoomStore rooms = newStore(5, 10);
    rooms.join("java", "ada").join();
    rooms.append(msg("java", "real")).join();
    String key = nodes.prefix + "room:java:history";
    nodes.redis(c -> c.sync().rpush(key, "not json", "{\"message\":1}", "[]", "{}"));
    assertThat(rooms.join("java", "bob").join().history())
        .extracting(ChatMessage::message)
        .containsExactly("real");
  }
}
