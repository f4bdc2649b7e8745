package io.sio4j.examples.tutorial;

import io.sio4j.examples.ExampleServer;
import io.sio4j.examples.TutorialExample;
import io.sio4j.server.SocketIoServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's custom event: some time after connecting (4 s by default), each client gets {@code
 * testerEvent} with {@code {"description":"A custom event named testerEvent!"}}.
 *
 * <pre>{@code
 * new CustomEventExample(Duration.ofSeconds(4));
 * }</pre>
 *
 * <p>Immutable. The delayed emit runs on the JDK's shared delayed executor; emitting is
 * thread-safe.
 */
public final class CustomEventExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new CustomEventExample(), args);
  }

  /** The tutorial's payload. */
  public static final Description PAYLOAD = new Description("A custom event named testerEvent!");

  private final Duration delay;

  /** With the tutorial's 4 second delay. */
  public CustomEventExample() {
    this(Duration.ofSeconds(4));
  }

  /** With another delay. */
  public CustomEventExample(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  @Override
  public String name() {
    return "custom-event";
  }

  @Override
  public String summary() {
    return "emits 'testerEvent' " + delay.toMillis() + " ms after connecting";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    io.on(
        "connection",
        socket ->
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(
                    () -> {
                      if (socket.connected()) socket.emit("testerEvent", PAYLOAD);
                    }));
  }
}
