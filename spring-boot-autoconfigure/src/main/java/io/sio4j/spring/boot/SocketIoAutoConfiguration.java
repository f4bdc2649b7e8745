package io.sio4j.spring.boot;

import io.sio4j.engine.CorsOptions;
import io.sio4j.protocol.event.ValueBinder;
import io.sio4j.protocol.socketio.SocketIoParser;
import io.sio4j.server.ServerBuilder;
import io.sio4j.server.SocketIoServer;
import io.sio4j.server.adapter.AdapterFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Socket.IO server of a Spring Boot application: a {@link SocketIoServer} bean built from the
 * {@code sio4j.*} properties, payloads bound with the application's {@link JsonMapper}, handlers
 * from {@link SocketIoController} beans, started and gracefully stopped by {@link
 * SocketIoLifecycle}, on the servlet web server's own port unless {@code sio4j.port} is set.
 * Health, metrics, the Redis adapter and the admin UI are in their own configurations.
 *
 * <pre>
 * # application.properties: nothing is required on a servlet application
 * sio4j.ping-interval=10s
 * </pre>
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
      "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration",
      "org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration"
    })
@EnableConfigurationProperties(SocketIoProperties.class)
public class SocketIoAutoConfiguration {

  /** Where handlers run, from {@code sio4j.listener-executor}; null: the event loop. */
  @Bean(name = "socketIoListenerExecutor")
  @ConditionalOnMissingBean(name = "socketIoListenerExecutor")
  ListenerExecutorHolder socketIoListenerExecutor(SocketIoProperties properties) {
    return new ListenerExecutorHolder(ListenerExecutors.create(properties.listenerExecutor()));
  }

  /** The server, built from the properties, then the customizers. */
  @Bean
  @ConditionalOnMissingBean
  SocketIoServer socketIoServer(
      SocketIoProperties properties,
      ObjectProvider<ValueBinder> binder,
      ObjectProvider<AdapterFactory> adapter,
      ObjectProvider<SocketIoServerCustomizer> customizers,
      ListenerExecutorHolder executor) {
    ServerBuilder builder =
        SocketIoServer.builder()
            .path(properties.path())
            .pingInterval(properties.pingInterval())
            .pingTimeout(properties.pingTimeout())
            .connectTimeout(properties.connectTimeout())
            .maxHttpBufferSize(properties.maxHttpBufferSize())
            .serveClient(properties.serveClient());
    if (properties.port() != null) builder.port(properties.port());
    if (properties.host() != null) builder.host(properties.host());
    List<String> origins = properties.cors().origins();
    if (origins != null && !origins.isEmpty()) {
      CorsOptions.Builder cors = CorsOptions.builder().credentials(properties.cors().credentials());
      if (origins.contains("*")) cors.anyOrigin();
      else cors.origins(origins.toArray(String[]::new));
      builder.cors(cors.build());
    }
    SocketIoProperties.Recovery recovery = properties.connectionStateRecovery();
    if (recovery.enabled()) {
      builder.connectionStateRecovery(
          recovery.maxDisconnectionDuration(), recovery.skipMiddlewares());
    }
    ValueBinder values = binder.getIfAvailable();
    if (values != null) builder.parser(SocketIoParser.builder().values(values).build());
    AdapterFactory factory = adapter.getIfAvailable();
    if (factory != null) builder.adapter(factory);
    if (executor.executor() != null) builder.listenerExecutor(executor.executor());
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** Starts and gracefully stops the server with the context. */
  @Bean
  @ConditionalOnMissingBean
  SocketIoLifecycle socketIoLifecycle(
      SocketIoServer io, SocketIoProperties properties, ListenerExecutorHolder executor) {
    return new SocketIoLifecycle(
        io, properties.port(), properties.shutdownTimeout(), executor.executor());
  }

  /** Installs the {@link SocketIoController} beans' handlers. */
  @Bean
  static ControllerRegistrarFactory socketIoControllerRegistrar() {
    return new ControllerRegistrarFactory();
  }

  /** The application's Jackson 3 mapper binds payloads. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(JsonMapper.class)
  static class JacksonBinding {
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JsonMapper.class)
    ValueBinder socketIoValueBinder(JsonMapper mapper) {
      return new Jackson3ValueBinder(mapper);
    }
  }

  /** Same port as the servlet web server, through sio4j-jakarta. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({io.sio4j.jakarta.SocketIoJakarta.class, ServletContextInitializer.class})
  static class ServletHost {
    @Bean
    ServletContextInitializer socketIoServletContextInitializer(SocketIoLifecycle lifecycle) {
      return new OrderedInitializer(lifecycle);
    }
  }

  /**
   * Mounts the server after Spring MVC's dispatcher servlet took {@code /}, so that the engine
   * servlet only takes the Socket.IO path.
   */
  record OrderedInitializer(SocketIoLifecycle lifecycle)
      implements ServletContextInitializer, Ordered {
    @Override
    public void onStartup(jakarta.servlet.ServletContext context) {
      lifecycle.attach(context);
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /** Holds the listener executor so that it is closed with the server. */
  record ListenerExecutorHolder(ExecutorService executor) {}

  /** Creates the registrar lazily (it needs the validator when Bean Validation is present). */
  static final class ControllerRegistrarFactory
      implements org.springframework.beans.factory.SmartInitializingSingleton,
          org.springframework.context.ApplicationContextAware {
    private ApplicationContext context;

    @Override
    public void setApplicationContext(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public void afterSingletonsInstantiated() {
      SocketIoServer io = context.getBean(SocketIoServer.class);
      SocketIoProperties properties = context.getBean(SocketIoProperties.class);
      new ControllerRegistrar(context, io, Validation.validator(context), properties.errorEvent())
          .afterSingletonsInstantiated();
    }
  }
}
