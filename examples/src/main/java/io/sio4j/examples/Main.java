package io.sio4j.examples;

import io.sio4j.examples.engine.EngineConformance;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of the examples jar: the first argument names the example, the rest is passed to it.
 *
 * <pre>
 * java -jar examples/target/sio4j-examples.jar --help
 * java -jar examples/target/sio4j-examples.jar engine-conformance --port 3000
 * </pre>
 *
 * <p>To add an example, give it a {@code public static void main(String[])} and add one line to
 * {@link #EXAMPLES}.
 */
public final class Main {
  /** Default port of every example. */
  public static final int DEFAULT_PORT = 3000;

  /** A runnable example: its class (with a static main) and a one-line description. */
  public record Example(Class<?> type, String description) {}

  /** The examples by name. */
  public static final Map<String, Example> EXAMPLES =
      new TreeMap<>(
          Map.of(
              "conformance",
              new Example(
                  io.sio4j.examples.socketio.Conformance.class,
                  "Socket.IO server with the fixture of the official v5 protocol test suite"),
              "engine-conformance",
              new Example(
                  EngineConformance.class,
                  "raw Engine.IO echo server at /engine.io/ for the official v4 test suite")));

  private Main() {}

  /** Runs the named example. */
  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      usage();
      return;
    }
    Example example = EXAMPLES.get(args[0]);
    if (example == null) {
      System.err.println("unknown example: " + args[0]);
      usage();
      System.exit(2);
      return;
    }
    Method main = example.type().getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception ex) throw ex;
      throw e;
    }
  }

  /** The value of {@code --port N} in {@code args}, or {@link #DEFAULT_PORT}. */
  public static int port(String[] args) {
    String v = option(args, "--port");
    return v == null ? DEFAULT_PORT : Integer.parseInt(v);
  }

  /** The value of {@code --host H} in {@code args}, or {@code 127.0.0.1}. */
  public static String host(String[] args) {
    String v = option(args, "--host");
    return v == null ? "127.0.0.1" : v;
  }

  private static String option(String[] args, String name) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) return args[i + 1];
    }
    return null;
  }

  private static void usage() {
    System.out.println("usage: java -jar sio4j-examples.jar <example> [--port N] [--host H]");
    System.out.println("examples:");
    EXAMPLES.forEach((name, e) -> System.out.printf("  %-22s %s%n", name, e.description()));
  }
}
