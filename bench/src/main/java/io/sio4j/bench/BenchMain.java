package io.sio4j.bench;

import io.netty.channel.epoll.Epoll;
import io.sio4j.adapter.postgres.PostgresAdapters;
import io.sio4j.adapter.redis.RedisAdapters;
import io.sio4j.protocol.event.Ack;
import io.sio4j.server.ServerBuilder;
import io.sio4j.server.SocketIoServer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The load-test server of {@code ../shared/sioload} ({@code servers/sio4j/start.sh}): the
 * three-event contract written with the public API, exactly as a user would.
 *
 * <pre>
 * java -jar bench/target/sio4j-bench.jar server --port 39200 [--host 127.0.0.1] [--io-threads N]
 *     [--container netty|jetty]     (or -Dsio4j.container=jetty)
 *     [--transport epoll|io_uring|nio]   (or -Dsio4j.transport=io_uring; the Netty container only)
 *     [--adapter redis|redis-sharded|redis-streams] [--redis redis://127.0.0.1:6379]
 *     [--adapter postgres --postgres postgres://postgres@127.0.0.1:5432/test]
 *     [--cross-echo send|answer]   (echo through the adapter: {@link CrossNodeEcho})
 *     [--ping-interval MS] [--ping-timeout MS]   (Engine.IO heartbeat; defaults 25000 / 20000)
 * </pre>
 *
 * <p>It prints one {@code READY} line when listening and stops on SIGTERM.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Entry point. */
  public static void main(String[] args) {
    if (args.length == 0 || !"server".equals(args[0])) {
      System.err.println(
          "usage: sio4j-bench server [--port N] [--host H] [--io-threads N]"
              + " [--adapter redis|redis-sharded|redis-streams] [--redis URL]"
              + " [--adapter postgres --postgres URL] [--container netty|jetty]"
              + " [--cross-echo send|answer] [--ping-interval MS] [--ping-timeout MS]"
              + " [--transport epoll|io_uring|nio]");
      System.exit(2);
    }
    int port = 39200;
    String host = "127.0.0.1";
    int ioThreads = Integer.getInteger("sio4j.ioThreads", 0);
    String container = System.getProperty("sio4j.container", "netty");
    String adapter = null;
    String redisUrl = null;
    String postgresUrl = null;
    String crossEcho = null;
    long pingInterval = 25_000;
    long pingTimeout = 20_000;
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--host" -> host = args[i + 1];
        case "--io-threads" -> ioThreads = Integer.parseInt(args[i + 1]);
        case "--container" -> container = args[i + 1];
        case "--transport" -> System.setProperty("sio4j.transport", args[i + 1]);
        case "--adapter" -> adapter = args[i + 1];
        case "--redis" -> redisUrl = args[i + 1];
        case "--postgres" -> postgresUrl = args[i + 1];
        case "--cross-echo" -> crossEcho = args[i + 1];
        case "--ping-interval" -> pingInterval = Long.parseLong(args[i + 1]);
        case "--ping-timeout" -> pingTimeout = Long.parseLong(args[i + 1]);
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    int threads = ioThreads;
    java.time.Duration interval = java.time.Duration.ofMillis(pingInterval);
    java.time.Duration timeout = java.time.Duration.ofMillis(pingTimeout);
    boolean postgres = PostgresAdapters.KIND.equals(adapter) || postgresUrl != null;
    if (postgres
        && (postgresUrl == null || !(adapter == null || PostgresAdapters.KIND.equals(adapter)))) {
      System.err.println("--adapter postgres goes with --postgres URL");
      System.exit(2);
    }
    // issue 11's contract: --redis URL alone means the classic Redis adapter
    if (!postgres && adapter != null && redisUrl == null) {
      System.err.println("--adapter " + adapter + " needs --redis URL");
      System.exit(2);
    }
    RedisAdapters redis =
        postgres || redisUrl == null ? null : RedisAdapters.connect(adapter, redisUrl);
    ServerBuilder builder =
        SocketIoServer.builder()
            .host(host)
            .port(port)
            .serveClient(false)
            .engine(b -> b.ioThreads(threads).pingInterval(interval).pingTimeout(timeout));
    if (redis != null) builder.adapter(redis.factory());
    if (postgres) builder.adapter(postgresAdapter(postgresUrl));
    SocketIoServer io = builder.build();
    boolean localEcho = !"send".equals(crossEcho);
    CrossNodeEcho.install(io, crossEcho);
    io.on(
        "connection",
        socket -> {
          if (localEcho) socket.on("echo", (String data) -> socket.emit("echo", data));
          socket.on("broadcast", (String data) -> io.emit("broadcast", data));
          socket.on("ack", (String data, Ack ack) -> ack.send(data));
        });
    int boundPort;
    if ("jetty".equals(container)) {
      Server jetty = JettyHost.start(io, host, port);
      boundPort = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    JettyHost.stop(io, jetty);
                    if (redis != null) redis.close();
                  },
                  "sio4j-bench-shutdown"));
    } else {
      try {
        io.start();
      } catch (RuntimeException e) {
        // e.g. the port is taken: the event loops would keep the JVM alive, and sioload's run.sh
        // would wait for a listener that never comes
        System.err.println("cannot start: " + e);
        System.exit(1);
      }
      boundPort = io.address().getPort();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    io.close();
                    if (redis != null) redis.close();
                  },
                  "sio4j-bench-shutdown"));
    }
    String gcs =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(","));
    System.out.println(
        "READY sio4j port="
            + boundPort
            + " container="
            + container
            + " epoll="
            + Epoll.isAvailable()
            + " transport="
            + System.getProperty("sio4j.transport", "epoll")
            + " ioThreads="
            + (threads == 0 ? "default" : threads)
            + " cpus="
            + Runtime.getRuntime().availableProcessors()
            + " gc="
            + gcs
            + " java="
            + System.getProperty("java.version"));
  }

  /** The Postgres adapter of {@code url}; its connections close with the server. */
  private static io.sio4j.server.adapter.AdapterFactory postgresAdapter(String url) {
    try {
      return PostgresAdapters.connect(url).factory();
    } catch (java.sql.SQLException e) {
      System.err.println("cannot reach PostgreSQL at " + url + ": " + e.getMessage());
      System.exit(1);
      return null;
    }
  }
}
