package io.sio4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.server.SocketIoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code socketio} health follows the cluster: up with a private {@code redis-server} behind
 * the Redis adapter, down once that Redis is gone.
 */
class SocketIoHealthIndicatorTest {

  @Test
  void downWhenTheAdapterLosesItsCluster() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process redis = startRedis(port);
    try {
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  SocketIoAutoConfiguration.class,
                  SocketIoRedisAutoConfiguration.class,
                  SocketIoActuatorAutoConfiguration.class))
          .withPropertyValues("sio4j.port=0", "sio4j.host=127.0.0.1")
          .withBean(
              RedisClient.class,
              () -> RedisClient.create("redis://127.0.0.1:" + port),
              d -> d.setDestroyMethodName("shutdown"))
          .run(
              context -> {
                assertThat(context).hasNotFailed();
                SocketIoServer io = context.getBean(SocketIoServer.class);
                assertThat(io.sockets().adapter()).isInstanceOf(RedisAdapter.class);
                HealthIndicator health =
                    context.getBean("socketioHealthIndicator", HealthIndicator.class);
                Health up = health.health();
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                assertThat(up.getDetails()).containsEntry("connections", 0);

                redis.destroy();
                redis.waitFor();
                await()
                    .atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                        () -> {
                          Health down = health.health();
                          assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                          assertThat(down.getDetails()).containsKey("adapter");
                        });
              });
    } finally {
      redis.destroy();
    }
  }

  private static Process startRedis(int port) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    RedisClient probe = RedisClient.create("redis://127.0.0.1:" + port);
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () -> {
                try (var c = probe.connect()) {
                  return "PONG".equals(c.sync().ping());
                }
              });
    } finally {
      probe.shutdown();
    }
    return p;
  }
}
