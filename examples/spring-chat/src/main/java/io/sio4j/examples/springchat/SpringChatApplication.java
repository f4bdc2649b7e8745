package io.sio4j.examples.springchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The chat example as a Spring Boot application: the same page, events and texts as the {@code
 * chat} example, handled by {@link ChatController}'s annotated methods, on Tomcat's one port with
 * {@code GET /api/rooms}, {@code /actuator/health} and {@code /actuator/prometheus}.
 *
 * <pre>
 * java -jar examples/spring-chat/target/sio4j-spring-chat.jar --server.port=3000
 * java -jar ... --sio4j.admin-ui.enabled=true   # the admin UI at /admin-ui/ (no login)
 * </pre>
 */
@SpringBootApplication
public class SpringChatApplication {
  /** Runs the application. */
  public static void main(String[] args) {
    SpringApplication.run(SpringChatApplication.class, args);
  }
}
