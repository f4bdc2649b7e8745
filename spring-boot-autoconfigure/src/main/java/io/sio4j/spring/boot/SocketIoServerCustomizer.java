package io.sio4j.spring.boot;

import io.sio4j.server.ServerBuilder;

/**
 * Changes the server's builder after the {@code sio4j.*} properties are applied, for what has no
 * property (TLS, an engine hook, a custom parser). Beans of this type run in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * SocketIoServerCustomizer biggerPayloads() {
 *   return builder -> builder.maxHttpBufferSize(5_000_000);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SocketIoServerCustomizer {
  /** Adjusts the builder. */
  void customize(ServerBuilder builder);
}
