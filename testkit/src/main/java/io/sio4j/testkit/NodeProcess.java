package io.sio4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Node.js script from {@code interop/node/} run as a peer in a test. The script prints one JSON
 * object per line on standard output (its structured events) and may read JSON lines on standard
 * input (commands). Fails loudly when Node or the npm packages are missing: run {@code npm ci} in
 * {@code interop/}.
 *
 * <pre>{@code
 * try (NodeProcess node = NodeProcess.start("engine-client.mjs", "http://127.0.0.1:" + port)) {
 *   JsonNode open = node.await("open", Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class NodeProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final String name;
  private final List<JsonNode> unread = new ArrayList<>();
  private final StringBuilder stderr = new StringBuilder();
  private final OutputStream stdin;
  private boolean stdoutClosed;

  private NodeProcess(Process process, String name) {
    this.process = process;
    this.name = name;
    this.stdin = process.getOutputStream();
    Thread out = new Thread(this::readStdout, "node-stdout-" + name);
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(this::readStderr, "node-stderr-" + name);
    err.setDaemon(true);
    err.start();
  }

  /** Starts {@code node interop/node/<script> args...} with {@code interop/} as working folder. */
  public static NodeProcess start(String script, String... args) {
    Path interop = ProjectPaths.interop();
    Path file = interop.resolve("node").resolve(script);
    if (!Files.exists(file)) throw new IllegalStateException("no such Node script: " + file);
    if (!Files.isDirectory(interop.resolve("node_modules"))) {
      throw new IllegalStateException(
          "interop/node_modules is missing: run 'npm ci' in " + interop + " (bash .ci/run does)");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(System.getenv().getOrDefault("NODE", "node"));
    cmd.add(file.toString());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).directory(interop.toFile()).start();
      return new NodeProcess(p, script);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start node (is Node.js installed?): " + e, e);
    }
  }

  private void readStdout() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          ObjectNode o = JSON.createObjectNode();
          o.put("type", "stdout");
          o.put("line", line);
          node = o;
        }
        synchronized (this) {
          unread.add(node);
          notifyAll();
        }
      }
    } catch (IOException ignored) {
      // the process ended
    } finally {
      synchronized (this) {
        stdoutClosed = true;
        notifyAll();
      }
    }
  }

  private void readStderr() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        synchronized (this) {
          stderr.append(line).append('\n');
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** Waits for, removes and returns the first unread line that matches. */
  public synchronized JsonNode await(Predicate<JsonNode> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Iterator<JsonNode> it = unread.iterator(); it.hasNext(); ) {
        JsonNode n = it.next();
        if (match.test(n)) {
          it.remove();
          return n;
        }
      }
      long left = deadline - System.nanoTime();
      if (stdoutClosed || left <= 0) {
        throw new AssertionError(
            (stdoutClosed ? "node script " + name + " ended" : "timed out after " + timeout)
                + " waiting for a matching line; unread: "
                + unread
                + "\nstderr:\n"
                + stderr);
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Waits for the first unread line whose {@code type} field equals {@code type}. */
  public JsonNode await(String type, Duration timeout) {
    return await(n -> type.equals(n.path("type").asText()), timeout);
  }

  /** Same as {@link #await(String, Duration)} with a 15 s timeout. */
  public JsonNode await(String type) {
    return await(type, Duration.ofSeconds(15));
  }

  /** Sends one JSON command line to the script's standard input. */
  public synchronized void send(Object command) {
    try {
      stdin.write(JSON.writeValueAsBytes(command));
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw new AssertionError("cannot write to node script " + name + ": " + e, e);
    }
  }

  /** Waits for the script to exit and returns its exit code. */
  public int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("node script " + name + " still running after " + timeout);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** What the script wrote on standard error so far. */
  public synchronized String stderr() {
    return stderr.toString();
  }

  /** Kills the script (and waits a little for it to go). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
