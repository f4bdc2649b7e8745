package io.sio4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL for tests that stop and start the store: Debian's {@code initdb} and {@code
 * pg_ctl} (from {@code /usr/lib/postgresql/<version>/bin}, the newest found) with a data directory
 * in a temporary folder, listening on a free port of 127.0.0.1 only, trust authentication, user
 * {@code postgres}. Run as root, the commands run as the {@code postgres} user (PostgreSQL refuses
 * root). Fails loudly when PostgreSQL is not installed (Debian: {@code postgresql}); tests never
 * skip.
 *
 * <pre>{@code
 * try (PostgresProcess pg = PostgresProcess.start()) {
 *   DataSource db = ...(pg.url());   // postgres://postgres@127.0.0.1:<port>/postgres
 *   pg.stop();                       // a real outage
 *   pg.restart();                    // same port, same data
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one per test class.
 */
public final class PostgresProcess implements AutoCloseable {
  private final Path bin;
  private final Path dir;
  private final int port;
  private boolean running;

  private PostgresProcess(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** Creates the cluster with {@code initdb} and starts it; returns once it accepts connections. */
  public static PostgresProcess start() {
    Path bin = findBin();
    Path dir;
    try {
      dir = Files.createTempDirectory("sio4j-postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PostgresProcess pg = new PostgresProcess(bin, dir, freePort());
    try {
      if (asRoot()) run(List.of("chown", "postgres:postgres", dir.toString()));
      pg.pg(
          "initdb",
          "-D",
          pg.data(),
          "-U",
          "postgres",
          "--auth=trust",
          "-E",
          "UTF8",
          "--no-sync",
          "--locale=C");
      pg.restart();
      return pg;
    } catch (RuntimeException | Error e) {
      pg.close();
      throw e;
    }
  }

  private static Path findBin() {
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Files.isExecutable(b.resolve("initdb"))
                      && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(b -> version(b.getParent())))
          .orElseThrow(() -> missing(null));
    } catch (IOException e) {
      throw missing(e);
    }
  }

  private static int version(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static AssertionError missing(Throwable cause) {
    return new AssertionError(
        "PostgreSQL's initdb and pg_ctl are needed under /usr/lib/postgresql/<version>/bin"
            + " (apt-get install postgresql)",
        cause);
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  /** {@code postgres://postgres@127.0.0.1:<port>/postgres}. */
  public String url() {
    return "postgres://postgres@127.0.0.1:" + port + "/postgres";
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: clients are cut off at once). */
  public void stop() {
    pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
    running = false;
  }

  /** Starts the (stopped) server again on the same port and data; returns once it is ready. */
  public void restart() {
    pg(
        "pg_ctl",
        "-D",
        data(),
        "-l",
        dir.resolve("postgres.log").toString(),
        "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir,
        "-w",
        "-t",
        "30",
        "start");
    running = true;
  }

  /** Stops the server if it runs and deletes its directory. */
  @Override
  public void close() {
    if (running) {
      try {
        stop();
      } catch (RuntimeException e) {
        // best effort: the temp directory goes anyway
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }

  private String pg(String tool, String... args) {
    List<String> command = new ArrayList<>();
    if (asRoot()) command.addAll(List.of("runuser", "-u", "postgres", "--"));
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    return run(command);
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
