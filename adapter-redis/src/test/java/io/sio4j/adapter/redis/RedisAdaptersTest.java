package io.sio4j.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sio4j.server.SocketIoServer;
import io.sio4j.testkit.RedisServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --adapter KIND --redis URL} as the examples and the bench server read it: each kind, with
 * its default names, joins two nodes into one cluster (on a private redis-server, so that no other
 * test's nodes count), and bad kinds are refused.
 */
class RedisAdaptersTest {
  private static RedisServerProcess redis;

  @BeforeAll
  static void start() {
    redis = RedisServerProcess.launch();
  }

  @AfterAll
  static void stop() {
    redis.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "redis-sharded", "redis-streams", "REDIS-STREAMS"})
  void eachKindJoinsTwoNodes(String kind) throws Exception {
    try (RedisAdapters one = RedisAdapters.connect(kind, redis.uri());
        RedisAdapters two = RedisAdapters.connect(kind, redis.uri())) {
      SocketIoServer a = SocketIoServer.builder().adapter(one.factory()).build();
      SocketIoServer b = SocketIoServer.builder().adapter(two.factory()).build();
      try {
        b.onServerSideEmit("hello", (args, ack) -> ack.accept("hi from b"));
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> a.sockets().adapter().serverCount().get() == 2);
        List<?> answers = a.serverSideEmitWithAck("hello").get(10, TimeUnit.SECONDS);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).toString()).contains("hi from b");
      } finally {
        a.close();
        b.close();
      }
    }
  }

  @Test
  void nullKindIsClassicAndUnknownKindsAreRefused() {
    try (RedisAdapters classic = RedisAdapters.connect(null, redis.uri())) {
      SocketIoServer io = SocketIoServer.builder().adapter(classic.factory()).build();
      assertThat(io.sockets().adapter()).isInstanceOf(RedisAdapter.class);
      io.close();
    }
    assertThatThrownBy(() -> RedisAdapters.connect("postgres-ish", redis.uri()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis-streams");
  }
}
