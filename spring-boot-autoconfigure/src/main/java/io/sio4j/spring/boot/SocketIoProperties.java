package io.sio4j.spring.boot;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code sio4j.*} properties. Defaults are the official server's.
 *
 * <pre>
 * sio4j.path=/socket.io/
 * sio4j.ping-interval=25s
 * sio4j.cors.origins=https://example.com
 * sio4j.connection-state-recovery.enabled=true
 * </pre>
 *
 * @param port a port of its own; unset (the default), Socket.IO shares the servlet web server's
 *     port (through sio4j-jakarta), and without a servlet web server this must be set
 * @param host the interface of the own port (all when unset)
 * @param path the Engine.IO path
 * @param pingInterval heartbeat interval
 * @param pingTimeout heartbeat timeout
 * @param connectTimeout how long a connection may take to join a namespace
 * @param maxHttpBufferSize the largest message a client may send, in bytes
 * @param serveClient whether the browser bundle is served at {@code <path>socket.io.js}
 * @param cors cross-origin settings (none by default: same origin only)
 * @param connectionStateRecovery connection state recovery
 * @param adapter the adapter
 * @param listenerExecutor where handlers run
 * @param errorEvent the event that carries a binding or validation failure when the client asked
 *     for no acknowledgement
 * @param shutdownTimeout how long a graceful shutdown waits for the server to close
 * @param adminUi the official admin UI's server side
 */
@ConfigurationProperties("sio4j")
public record SocketIoProperties(
    Integer port,
    String host,
    @DefaultValue("/socket.io/") String path,
    @DefaultValue("25s") Duration pingInterval,
    @DefaultValue("20s") Duration pingTimeout,
    @DefaultValue("45s") Duration connectTimeout,
    @DefaultValue("1000000") int maxHttpBufferSize,
    @DefaultValue("true") boolean serveClient,
    @DefaultValue Cors cors,
    @DefaultValue Recovery connectionStateRecovery,
    @DefaultValue Adapter adapter,
    @DefaultValue("auto") ExecutorKind listenerExecutor,
    @DefaultValue("error") String errorEvent,
    @DefaultValue("30s") Duration shutdownTimeout,
    @DefaultValue AdminUi adminUi) {

  /**
   * Cross-origin requests.
   *
   * @param origins allowed origins ({@code *} for any); none means same origin only
   * @param credentials whether cookies and credentials are allowed
   */
  public record Cors(List<String> origins, @DefaultValue("false") boolean credentials) {}

  /**
   * Connection state recovery.
   *
   * @param enabled on or off (off by default, as in the official server)
   * @param maxDisconnectionDuration how long a disconnected socket's state is kept
   * @param skipMiddlewares whether a recovered socket skips the middlewares
   */
  public record Recovery(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("2m") Duration maxDisconnectionDuration,
      @DefaultValue("true") boolean skipMiddlewares) {}

  /**
   * The adapter.
   *
   * @param type {@code auto}: the Redis adapter when the application has a Lettuce {@code
   *     RedisClient} bean and sio4j-adapter-redis is present, else in memory
   */
  public record Adapter(@DefaultValue("auto") AdapterKind type) {}

  /** Which adapter. */
  public enum AdapterKind {
    /** Redis when a Lettuce {@code RedisClient} bean exists, else memory. */
    AUTO,
    /** One node. */
    MEMORY,
    /** The Redis adapter (classic pub/sub), over the application's {@code RedisClient}. */
    REDIS,
    /** The sharded Redis adapter (Redis 7 sharded pub/sub). */
    REDIS_SHARDED
  }

  /** Where handlers run. */
  public enum ExecutorKind {
    /** Virtual threads when the JVM has them (Java 21+), else the event loop. */
    AUTO,
    /** A virtual thread per task, one task at a time per socket; fails on a JVM without them. */
    VIRTUAL,
    /** The connection's event loop: handlers must not block. */
    EVENT_LOOP
  }

  /**
   * The official admin UI ({@code @socket.io/admin-ui}), when sio4j-admin-ui is present.
   *
   * @param enabled on or off
   * @param username the login name; no login when unset
   * @param passwordHash the bcrypt hash of the password ({@code AdminUiOptions.hash})
   * @param readOnly whether the UI may only look
   */
  public record AdminUi(
      @DefaultValue("false") boolean enabled,
      String username,
      String passwordHash,
      @DefaultValue("false") boolean readOnly) {}
}
