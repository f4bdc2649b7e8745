package io.sio4j.spring.testapp;

import io.sio4j.protocol.event.Ack;
import io.sio4j.server.ConnectError;
import io.sio4j.server.Socket;
import io.sio4j.spring.boot.OnConnect;
import io.sio4j.spring.boot.OnDisconnect;
import io.sio4j.spring.boot.OnEvent;
import io.sio4j.spring.boot.SocketIoController;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A test namespace with a connection handler that refuses: outside the example's package, so only
 * the tests that import it have it. Records the disconnect reasons it sees.
 */
@SocketIoController(namespace = "/guarded")
public class GuardedController {
  /** Every reason {@link #gone} was called with. */
  public static final BlockingQueue<String> DISCONNECTS = new LinkedBlockingQueue<>();

  /** The client's {@code auth} payload. */
  public record Credentials(@NotBlank String accessToken) {}

  @OnConnect
  public void connect(Socket socket, @Valid Credentials auth) {
    if (!"letmein".equals(auth.accessToken())) {
      throw new ConnectError("not authorized", Map.of("retry_after", 30));
    }
    socket.data().put("token", auth.accessToken());
  }

  @OnEvent("whoami")
  public String whoami(Socket socket) {
    return (String) socket.data().get("token");
  }

  /** Answers through the {@code Ack} parameter itself (the return value is then not used). */
  @OnEvent("shout")
  public void shout(String text, Ack ack) {
    ack.send(text.toUpperCase(java.util.Locale.ROOT), text.length());
  }

  /** Answers when the future completes. */
  @OnEvent("later")
  public CompletableFuture<Map<String, Integer>> later(List<Integer> numbers) {
    return CompletableFuture.supplyAsync(
        () -> Map.of("sum", numbers.stream().mapToInt(Integer::intValue).sum()));
  }

  @OnDisconnect
  public void gone(String reason) {
    DISCONNECTS.add(reason);
  }
}
