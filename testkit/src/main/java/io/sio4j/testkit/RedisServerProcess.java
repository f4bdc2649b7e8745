package io.sio4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A private {@code redis-server} for tests that stop and start Redis: one process on a free port of
 * 127.0.0.1, without persistence, in a temporary directory. {@link #stop()} kills it, {@link
 * #start()} starts it again on the same port (empty). Fails loudly when {@code redis-server} is
 * missing (Debian: {@code redis-server}); tests never skip.
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.launch()) {
 *   RedisClient client = RedisClient.create(redis.uri());
 *   redis.stop();  // an outage
 *   redis.start(); // the store is back
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one per test.
 */
public final class RedisServerProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);
  private final Path dir;
  private final int port;
  private Process process;

  private RedisServerProcess(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server on a free port and waits until it answers {@code PING}. */
  public static RedisServerProcess launch() {
    Path dir;
    int port;
    try {
      dir = Files.createTempDirectory("sio4j-redis");
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RedisServerProcess redis = new RedisServerProcess(dir, port);
    try {
      redis.start();
      return redis;
    } catch (RuntimeException | Error e) {
      redis.close();
      throw e;
    }
  }

  /** Starts the server (again) on its port and waits until it answers. */
  public void start() {
    if (process != null && process.isAlive()) throw new IllegalStateException("already running");
    try {
      process =
          new ProcessBuilder(
                  "redis-server",
                  "--bind",
                  "127.0.0.1",
                  "--port",
                  "" + port,
                  "--dir",
                  dir.toString(),
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "redis-server is needed for these tests (apt-get install redis-server)", e);
    }
    Awaitility.await().atMost(STARTUP).until(this::answers);
  }

  /** Kills the server (as a crash would) and waits until it is gone. */
  public void stop() {
    if (process == null) return;
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) throw new IllegalStateException("still alive");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    process = null;
  }

  private boolean answers() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException("redis-server exited; see " + dir.resolve("redis.log"));
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      s.setSoTimeout(1000);
      s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] buf = new byte[7];
      int n = s.getInputStream().read(buf);
      return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server and deletes its directory. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }
}
