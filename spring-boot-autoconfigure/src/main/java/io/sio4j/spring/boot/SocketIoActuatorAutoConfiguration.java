package io.sio4j.spring.boot;

import io.sio4j.micrometer.SocketIoMetrics;
import io.sio4j.server.SocketIoServer;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator for Socket.IO: the {@code socketio} health indicator, and the sio4j-micrometer meters
 * ({@code socketio.*}) as a {@code MeterBinder} bean, which Boot binds to the application's {@code
 * MeterRegistry}.
 */
@AutoConfiguration(after = SocketIoAutoConfiguration.class)
@ConditionalOnBean(SocketIoServer.class)
public class SocketIoActuatorAutoConfiguration {

  /** The {@code socketio} health indicator ({@code management.health.socketio.enabled}). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("socketio")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "socketioHealthIndicator")
    SocketIoHealthIndicator socketioHealthIndicator(SocketIoServer io) {
      return new SocketIoHealthIndicator(io, Duration.ofSeconds(2));
    }
  }

  /** The {@code socketio.*} meters. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({
    SocketIoMetrics.class,
    io.micrometer.core.instrument.binder.MeterBinder.class
  })
  static class Metrics {
    @Bean
    @ConditionalOnMissingBean
    SocketIoMetrics socketIoMetrics(SocketIoServer io) {
      return new SocketIoMetrics(io);
    }
  }
}
