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
 * The tutorial's {@code socket.send}: some time after connecting (4 s by default), each client gets
 * the message {@code Sent a message 4seconds after connection!}.
 *
 * <pre>{@code
 * new MessageExample();                          // the tutorial's 4 seconds
 * new MessageExample(Duration.ofMillis(100));    // what the tests use
 * }</pre>
 *
 * <p>Immutable. The delayed send runs on the JDK's shared delayed executor; sending is thread-safe.
 */
public final class MessageExample implements TutorialExample {
  /** Runs the example: {@code [--port N] [--host H] [--help]}. */
  public static void main(String[] args) throws InterruptedException {
    ExampleServer.run(new MessageExample(), args);
  }

  /** The tutorial's text (its "4seconds" included). */
  public static final String TEXT = "Sent a message 4seconds after connection!";

  private final Duration delay;

  /** With the tutorial's 4 second delay. */
  public MessageExample() {
    this(Duration.ofSeconds(4));
  }

  /** With another delay (the text still says 4 seconds, as in the tutorial). */
  public MessageExample(Duration delay) {
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  @Override
  public String name() {
    return "message";
  }

  @Override
  public String summary() {
    return "sends '" + TEXT + "' " + delay.toMillis() + " ms after connecting";
  }

  @Override
  public void install(SocketIoServer io, PrintStream console) {
    io.on(
        "connection",
        socket ->
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(
                    () -> {
                      if (socket.connected()) socket.send(TEXT);
                    }));
  }
}
