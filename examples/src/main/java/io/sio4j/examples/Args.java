package io.sio4j.examples;

import io.sio4j.adapter.postgres.PostgresAdapters;
import io.sio4j.adapter.redis.RedisAdapters;
import io.sio4j.engine.TlsOptions;
import io.sio4j.server.adapter.AdapterFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * The command-line options that the examples share, read the simple way ({@code --name value}), and
 * their help lines. This is the one place where an option is declared: an option added to {@link
 * #OPTIONS} shows up in every {@code --help}, and the examples read it with {@link #value}.
 *
 * <pre>{@code
 * int port = Args.port(args);          // --port N, 3000 by default
 * String host = Args.host(args);       // --host H, 127.0.0.1 by default
 * String url = Args.value(args, "--url", "http://127.0.0.1:3000");
 * TlsOptions tls = Args.tls(args);     // --tls-cert FILE --tls-key FILE (PEM), null without
 * }</pre>
 *
 * <p>Stateless, so thread-safe.
 */
public final class Args {
  /** Port of every server example unless {@code --port} says otherwise (the tutorial's 3000). */
  public static final int DEFAULT_PORT = 3000;

  /** Address every server example binds unless {@code --host} says otherwise. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** One option: its name, the placeholder of its value and its help line. */
  public record Option(String name, String value, String help) {
    /** {@code --name VALUE}, or {@code --name} for a flag (an empty value). */
    public String synopsis() {
      return value.isEmpty() ? "[" + name + "]" : "[" + name + " " + value + "]";
    }
  }

  /** The options that every server example takes. */
  public static final List<Option> OPTIONS =
      List.of(
          new Option("--port", "N", "port to listen on (default " + DEFAULT_PORT + "; 0: any)"),
          new Option("--host", "H", "address to bind (default " + DEFAULT_HOST + ")"),
          new Option(
              "--tls-cert", "FILE", "PEM certificate chain: serve https/wss (with --tls-key)"),
          new Option("--tls-key", "FILE", "PEM private key (PKCS#8) of --tls-cert"),
          new Option(
              "--adapter",
              "KIND",
              "cluster adapter: redis, redis-sharded or redis-streams (needs --redis),"
                  + " postgres (needs --postgres)"),
          new Option("--redis", "URL", "Redis to join, e.g. redis://127.0.0.1:6379 (alone: redis)"),
          new Option(
              "--postgres",
              "URL",
              "PostgreSQL to join, e.g. postgres://postgres@127.0.0.1:5432/test (alone: postgres)"),
          new Option(
              "--admin-ui",
              "",
              "chat: the official admin UI at /admin-ui/ (user admin, password printed at start"
                  + " or $SIO4J_ADMIN_PASSWORD)"),
          new Option(
              "--allow-eio3",
              "",
              "conformance, engine-conformance: also accept Engine.IO v3 clients (Socket.IO v2)"),
          new Option(
              "--container",
              "C",
              "netty (default): sio4j's own server; jetty or tomcat: one embedded container"
                  + " serving the page, the browser bundle and Socket.IO"));

  private Args() {}

  /** The value of {@code --port N}, or {@link #DEFAULT_PORT}. */
  public static int port(String[] args) {
    String v = value(args, "--port", null);
    if (v == null) return DEFAULT_PORT;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port wants a number, not " + v, e);
    }
  }

  /** The value of {@code --host H}, or {@link #DEFAULT_HOST}. */
  public static String host(String[] args) {
    return value(args, "--host", DEFAULT_HOST);
  }

  /**
   * The TLS options of {@code --tls-cert FILE --tls-key FILE} (PEM), or {@code null} for plain http
   * when neither is given.
   *
   * @throws IllegalArgumentException when only one of them is given
   */
  public static TlsOptions tls(String[] args) {
    String cert = value(args, "--tls-cert", null);
    String key = value(args, "--tls-key", null);
    if (cert == null && key == null) return null;
    if (cert == null || key == null) {
      throw new IllegalArgumentException("--tls-cert and --tls-key go together");
    }
    return TlsOptions.pem(Path.of(cert), Path.of(key));
  }

  /** The URL to print for a server example: {@code http(s)://localhost:<port>}. */
  public static String url(String[] args, int port) {
    return (tls(args) == null ? "http" : "https") + "://localhost:" + port;
  }

  /**
   * The cluster adapter that {@code --adapter KIND} with {@code --redis URL} or {@code --postgres
   * URL} asks for, connected, or null for the default in-memory adapter. {@code --redis URL} alone
   * means the classic Redis adapter, {@code --postgres URL} alone the Postgres adapter. The
   * connections close when the JVM exits.
   */
  public static AdapterFactory adapter(String[] args) {
    String kind = value(args, "--adapter", null);
    String postgres = value(args, "--postgres", null);
    if (postgres != null || PostgresAdapters.KIND.equalsIgnoreCase(kind)) {
      return postgresAdapter(kind, postgres);
    }
    String url = value(args, "--redis", null);
    if (url == null) {
      if (kind != null)
        throw new IllegalArgumentException("--adapter " + kind + " needs --redis URL");
      return null;
    }
    RedisAdapters redis = RedisAdapters.connect(kind, url);
    Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "sio4j-redis-close"));
    return redis.factory();
  }

  /** {@code --adapter postgres --postgres URL}; {@code --postgres URL} alone means the same. */
  private static AdapterFactory postgresAdapter(String kind, String url) {
    if (kind != null && !PostgresAdapters.KIND.equalsIgnoreCase(kind)) {
      throw new IllegalArgumentException("--postgres goes with --adapter postgres, not " + kind);
    }
    if (url == null) throw new IllegalArgumentException("--adapter postgres needs --postgres URL");
    try {
      return PostgresAdapters.connect(url).factory(); // its connections close with the server
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(
          "cannot reach PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
  }

  /** The value that follows {@code name} in {@code args}, or {@code fallback}. */
  public static String value(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) return args[i + 1];
    }
    return fallback;
  }

  /** Whether the flag {@code name} (an option without a value) is in {@code args}. */
  public static boolean flag(String[] args, String name) {
    return List.of(args).contains(name);
  }

  /** Whether {@code --allow-eio3} is in {@code args}. */
  public static boolean allowEIO3(String[] args) {
    return flag(args, "--allow-eio3");
  }

  /** Whether {@code args} asks for help ({@code --help} or {@code -h}). */
  public static boolean help(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** The synopsis of {@code options}, e.g. {@code [--port N] [--host H]}. */
  public static String synopsis(List<Option> options) {
    StringBuilder sb = new StringBuilder();
    for (Option o : options) sb.append(sb.length() == 0 ? "" : " ").append(o.synopsis());
    return sb.toString();
  }

  /** The help lines of {@code options}, one per option. */
  public static String describe(List<Option> options) {
    StringBuilder sb = new StringBuilder();
    for (Option o : options) {
      sb.append(String.format("  %-22s %s%n", o.name() + " " + o.value(), o.help()));
    }
    return sb.toString();
  }
}
