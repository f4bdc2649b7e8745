package io.sio4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real Redis Cluster of three masters for tests: three {@code redis-server} processes with {@code
 * cluster-enabled yes} on free ports of 127.0.0.1 in a temporary directory, joined with {@code
 * redis-cli --cluster create}. Fails loudly when {@code redis-server} or {@code redis-cli} is
 * missing (Debian: {@code redis-server}, {@code redis-tools}); tests never skip.
 *
 * <pre>{@code
 * try (RedisClusterProcess cluster = RedisClusterProcess.start()) {
 *   RedisClusterClient client = RedisClusterClient.create(cluster.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one per test class.
 */
public final class RedisClusterProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private final Path dir;
  private final List<Integer> ports;
  private final List<Process> processes = new ArrayList<>();

  private RedisClusterProcess(Path dir, List<Integer> ports) {
    this.dir = dir;
    this.ports = List.copyOf(ports);
  }

  /** Starts three masters and waits until the cluster reports {@code cluster_state:ok}. */
  public static RedisClusterProcess start() {
    requireTool("redis-server");
    requireTool("redis-cli");
    Path dir;
    try {
      dir = Files.createTempDirectory("sio4j-redis-cluster");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Integer> ports = new ArrayList<>();
    List<Integer> busPorts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ports.add(freePort());
      busPorts.add(freePort());
    }
    RedisClusterProcess cluster = new RedisClusterProcess(dir, ports);
    try {
      for (int i = 0; i < 3; i++) cluster.startNode(i, busPorts.get(i));
      for (int port : ports) {
        Awaitility.await()
            .atMost(STARTUP)
            .until(
                () ->
                    run("redis-cli", "-h", "127.0.0.1", "-p", "" + port, "ping").contains("PONG"));
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      for (int port : ports) create.add("127.0.0.1:" + port);
      create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
      String out = run(create.toArray(String[]::new));
      if (!out.contains("[OK]")) throw new IllegalStateException("cluster create failed:\n" + out);
      for (int port : ports) {
        Awaitility.await()
            .atMost(STARTUP)
            .until(
                () ->
                    run("redis-cli", "-h", "127.0.0.1", "-p", "" + port, "cluster", "info")
                        .contains("cluster_state:ok"));
      }
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  private void startNode(int i, int busPort) {
    Path nodeDir = dir.resolve("node" + i);
    try {
      Files.createDirectories(nodeDir);
      ProcessBuilder pb =
          new ProcessBuilder(
                  "redis-server",
                  "--bind",
                  "127.0.0.1",
                  "--port",
                  "" + ports.get(i),
                  "--cluster-enabled",
                  "yes",
                  "--cluster-port",
                  "" + busPort,
                  "--cluster-config-file",
                  nodeDir.resolve("nodes.conf").toString(),
                  "--cluster-node-timeout",
                  "5000",
                  "--dir",
                  nodeDir.toString(),
                  "--save",
                  "",
                  "--appendonly",
                  "no")
              .redirectErrorStream(true)
              .redirectOutput(nodeDir.resolve("redis.log").toFile());
      processes.add(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start redis-server", e);
    }
  }

  /** The seed URI for a cluster client, e.g. {@code redis://127.0.0.1:40001}. */
  public String uri() {
    return "redis://127.0.0.1:" + ports.get(0);
  }

  /** The masters' ports. */
  public List<Integer> ports() {
    return ports;
  }

  /** Stops the three processes and deletes their directory. */
  @Override
  public void close() {
    for (Process p : processes) p.destroy();
    for (Process p : processes) {
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    processes.clear();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }

  private static void requireTool(String tool) {
    try {
      run(tool, "--version");
    } catch (RuntimeException e) {
      throw new AssertionError(
          tool
              + " is needed for the Redis Cluster tests (apt-get install redis-server redis-tools)",
          e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
