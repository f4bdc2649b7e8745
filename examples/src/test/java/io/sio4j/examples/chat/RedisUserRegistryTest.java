package io.sio4j.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry contract on the real Redis, and what only a shared registry must do. */
class RedisUserRegistryTest extends UserRegistryContract {
  // filled while the contract's field initialiser runs, so before this class's own fields
  private static final ThreadLocal<RedisTestNodes> NODES = new ThreadLocal<>();

  private static RedisTestNodes nodes() {
    if (NODES.get() == null) NODES.set(new RedisTestNodes());
    return NODES.get();
  }

  @Override
  protected UserRegistry newRegistry() {
    return nodes().node().users();
  }

  @AfterEach
  void cleanUp() {
    nodes().close();
    NODES.remove();
  }

  @Test
  void aNameTakenOnOneNodeIsTakenOnTheOther() {
    UserRegistry a = nodes().node().users();
    UserRegistry b = nodes().node().users();
    String token = a.claim("Ada", null, "a1").join().token();
    assertThat(b.claim("ada", null, "b1").join().granted()).isFalse();
    UsernameClaim moved = b.claim("ada", token, "b1").join();
    assertThat(moved.granted()).isTrue();
    assertThat(moved.previousSocketId()).isEqualTo("a1");
    assertThat(a.release("ada", "a1").join()).isFalse();
    assertThat(b.release("ada", "b1").join()).isTrue();
    assertThat(a.claim("ada", null, "a2").join().granted()).isTrue();
  }

  @Test
  void aCrashedNodesNamesAreFreedWhenItsHeartbeatExpires() {
    RedisChatStore crashing = nodes().node(Duration.ofMillis(600));
    UserRegistry survivor = nodes().node().users();
    String token = crashing.users().claim("ada", null, "a1").join().token();
    crashing.users().claim("bob", null, "a2").join();
    crashing.abandon();
    assertThat(survivor.claim("ada", null, "b1").join().granted()).isFalse();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> survivor.claim("bob", null, "b2").join().granted());
    // the user who reconnects to another node keeps the name and its token
    UsernameClaim back = survivor.claim("ada", token, "b1").join();
    assertThat(back.granted()).isTrue();
    assertThat(back.token()).isEqualTo(token);
    assertThat(back.previousSocketId()).isNull();
  }

  @Test
  void aNodeThatClosesFreesItsNamesAtOnce() {
    RedisChatStore leaving = nodes().node();
    UserRegistry staying = nodes().node().users();
    leaving.users().claim("ada", null, "a1").join();
    assertThat(staying.claim("ada", null, "b1").join().granted()).isFalse();
    leaving.close();
    assertThat(staying.claim("ada", null, "b1").join().granted()).isTrue();
  }

  @Test
  void aGarbledEntryIsTreatedAsFree() {
    UserRegistry users = nodes().node().users();
    nodes().redis(c -> c.sync().hset(nodes().prefix + "user:ada", "token", "x"));
    assertThat(users.claim("ada", null, "s1").join().granted()).isTrue();
    nodes().redis(c -> c.sync().set(nodes().prefix + "user:bob", "not a hash"));
    assertThat(users.claim("bob", null, "s1").handle((c, e) -> e != null || c.granted()).join())
        .isTrue();
  }
}
