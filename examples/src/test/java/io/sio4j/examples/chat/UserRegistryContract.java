package io.sio4j.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRegistry} must do, whatever holds the names (memory, Redis): extend it and
 * give {@link #newRegistry()}.
 */
abstract class UserRegistryContract {
  private final UserRegistry users = newRegistry();

  /** A fresh, empty registry. */
  protected abstract UserRegistry newRegistry();

  @Test
  void aFreeNameIsGrantedWithAFreshToken() {
    UsernameClaim claim = users.claim("ada", null, "s1").join();
    assertThat(claim.granted()).isTrue();
    assertThat(claim.token()).hasSizeGreaterThanOrEqualTo(22);
    assertThat(claim.previousSocketId()).isNull();
    assertThat(users.claim("bob", null, "s2").join().token()).isNotEqualTo(claim.token());
  }

  @Test
  void aTakenNameIsRefusedWhateverItsCase() {
    users.claim("ada", null, "s1").join();
    assertThat(users.claim("ada", null, "s2").join().granted()).isFalse();
    assertThat(users.claim("ADA", null, "s2").join().granted()).isFalse();
    assertThat(users.claim("ada", "guessed-token", "s2").join().granted()).isFalse();
  }

  @Test
  void theNameIsFreedWhenItsHolderLeaves() {
    users.claim("ada", null, "s1").join();
    assertThat(users.release("ada", "s2").join()).isFalse();
    assertThat(users.claim("ada", null, "s2").join().granted()).isFalse();
    assertThat(users.release("ada", "s1").join()).isTrue();
    assertThat(users.claim("ada", null, "s2").join().granted()).isTrue();
  }

  @Test
  void theTokenTakesTheNameOverAndTheOldSocketCannotFreeIt() {
    String token = users.claim("ada", null, "s1").join().token();
    UsernameClaim again = users.claim("ada", token, "s2").join();
    assertThat(again.granted()).isTrue();
    assertThat(again.token()).isEqualTo(token);
    assertThat(again.previousSocketId()).isEqualTo("s1");
    // the old connection's late disconnect must not free the name of the reconnected user
    assertThat(users.release("ada", "s1").join()).isFalse();
    assertThat(users.claim("ada", null, "s3").join().granted()).isFalse();
  }

  @Test
  void claimingAgainFromTheSameSocketIsNoTakeover() {
    String token = users.claim("ada", null, "s1").join().token();
    assertThat(users.claim("ada", token, "s1").join().previousSocketId()).isNull();
  }

  @Test
  void concurrentClaimsOfOneNameGrantExactlyOne() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String socket = "s" + i;
        tasks.add(() -> users.claim("race", null, socket).join().granted());
      }
      int granted = 0;
      for (Future<Boolean> f : pool.invokeAll(tasks, 10, TimeUnit.SECONDS)) {
        if (f.get()) granted++;
      }
      assertThat(granted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
