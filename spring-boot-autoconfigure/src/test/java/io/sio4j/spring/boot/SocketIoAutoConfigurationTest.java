package io.sio4j.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.sio4j.adapter.redis.RedisAdapter;
import io.sio4j.micrometer.SocketIoMetrics;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration outside a web server (so with {@code sio4j.port}): properties reach the
 * server, the application's Jackson 3 mapper binds, the Redis adapter follows a {@code RedisClient}
 * bean, and misconfiguration fails the start with a message that says what to do.
 */
class SocketIoAutoConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  JacksonAutoConfiguration.class,
                  SocketIoAutoConfiguration.class,
                  SocketIoRedisAutoConfiguration.class,
                  SocketIoActuatorAutoConfiguration.class))
          .withPropertyValues("sio4j.port=0", "sio4j.host=127.0.0.1");

  @Test
  void propertiesReachTheServer() {
    runner
        .withPropertyValues(
            "sio4j.path=/live/",
            "sio4j.ping-interval=7s",
            "sio4j.ping-timeout=3s",
            "sio4j.cors.origins=https://a.example",
            "sio4j.connection-state-recovery.enabled=true",
            "sio4j.connection-state-recovery.max-disconnection-duration=30s",
            "sio4j.listener-executor=event-loop")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SocketIoServer io = context.getBean(SocketIoServer.class);
              var engine = io.options().engine();
              assertThat(engine.path()).isEqualTo("/live/");
              assertThat(engine.pingInterval()).isEqualTo(Duration.ofSeconds(7));
              assertThat(engine.pingTimeout()).isEqualTo(Duration.ofSeconds(3));
              assertThat(engine.cors().allows("https://a.example")).isTrue();
              assertThat(engine.cors().allows("https://b.example")).isFalse();
              assertThat(io.options().connectionStateRecovery().maxDisconnectionDuration())
                  .isEqualTo(Duration.ofSeconds(30));
              assertThat(io.options().listenerExecutor()).isNull();
              // started by the lifecycle on its own port
              assertThat(io.address().getPort()).isPositive();
              assertThat(context.getBean(SocketIoLifecycle.class).isRunning()).isTrue();
            });
  }

  @Test
  void theApplicationsJsonMapperBindsPayloads() {
    runner.run(
        context -> {
          SocketIoServer io = context.getBean(SocketIoServer.class);
          assertThat(io.options().parser().binding().values())
              .containsInstanceOf(Jackson3ValueBinder.class);
          assertThat(context).hasSingleBean(SocketIoMetrics.class);
          assertThat(context).hasBean("socketioHealthIndicator");
        });
  }

  @Test
  void withoutAPortOrAServletWebServerTheStartFails() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SocketIoAutoConfiguration.class))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("set sio4j.port"));
  }

  @Test
  void virtualThreadsOnAJvmWithoutThemFailWithTheReason() {
    runner
        .withPropertyValues("sio4j.listener-executor=virtual")
        .run(
            context -> {
              if (Runtime.version().feature() >= 21) {
                assertThat(context.getBean(SocketIoServer.class).options().listenerExecutor())
                    .isNotNull();
              } else {
                assertThat(context).getFailure().rootCause().hasMessageContaining("Java 21");
              }
            });
  }

  @Test
  void aRedisClientBeanSelectsTheRedisAdapter() {
    runner
        .withBean(
            RedisClient.class,
            () -> RedisClient.create("redis://127.0.0.1:6379"),
            d -> d.setDestroyMethodName("shutdown"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              SocketIoServer io = context.getBean(SocketIoServer.class);
              assertThat(io.sockets().adapter()).isInstanceOf(RedisAdapter.class);
            });
  }

  @Test
  void memoryOverridesARedisClientBean() {
    runner
        .withPropertyValues("sio4j.adapter.type=memory")
        .withBean(
            RedisClient.class,
            () -> RedisClient.create("redis://127.0.0.1:6379"),
            d -> d.setDestroyMethodName("shutdown"))
        .run(
            context ->
                assertThat(context.getBean(SocketIoServer.class).sockets().adapter())
                    .isNotInstanceOf(RedisAdapter.class));
  }
}
